"""Custom resources for kubestack-import: the kinds of CustomResourceDefinitions (given with
--crd, or among the input's objects) added to the model that the importer checks objects
against.

tools/import_crds.py turns each served version of a CRD into a header of structs; this
indexes the same structs as include/kubestack/api/model.json indexes the built-in ones, so
that a custom resource is decoded, checked and printed as a built-in object is. A struct's
definition is "crd.<group>.<version>.<Name>", and it says the header that declares it. An
enum's fields are {"enum": C++ type}: text, which the build checks against the list.
"""
import import_crds
from import_model import Decoder, field_text, top_items
from import_yaml import InputError

OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
SCALARS = {"String": "String", "Bytes": "Bytes", "Time": "Time", "IntOrString": "IntOrString",
           "Json": "Json", "std::int32_t": "int32", "std::int64_t": "int64",
           "double": "double", "bool": "bool"}
CRD_KIND = ("apiextensions.k8s.io/v1", "CustomResourceDefinition")


def descriptor(cpp_type, header):
    """A field's type for the index, from the C++ type import_crds.py gave it."""
    for template, key in (("List<", "list"), ("Map<", "map")):
        if cpp_type.startswith(template):
            return {key: descriptor(cpp_type[len(template):-1], header)}
    if cpp_type in SCALARS:
        return SCALARS[cpp_type]
    if cpp_type == "api::meta::v1::ObjectMeta":
        return {"ref": OBJECT_META}
    if cpp_type in {name for name, _, _ in header.enums}:
        return {"enum": f"crd::{header.namespace}::{cpp_type}"}
    return {"ref": definition_of(header, cpp_type)}


def definition_of(header, name):
    return f"crd.{header.group}.{header.version}.{name}"


def add_custom_resources(model, crds):
    """Adds the kinds of the CRDs, [(where, CRD as a plain value)], to the model. A CRD
    given twice (with --crd, and among the input) counts once."""
    first = {}
    for where, crd in crds:
        name = import_crds.crd_name(crd)
        if name in first and first[name][1] != crd:
            raise InputError(f"{where}: CRD {name} differs from the one of {first[name][0]}")
        first.setdefault(name, (where, crd))
    crds = list(first.values())
    # Each CRD alone first, so that an error names its document.
    for where, crd in crds + [(None, None)]:
        try:
            headers = import_crds.plan_crds([(where, crd)] if where else crds)
        except import_crds.CrdError as error:
            raise InputError(f"{where or 'the CRDs'}: the CRD cannot be imported: {error}")
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            # A shape that import_crds.py does not check (versions that are no list of
            # mappings): a CRD that the API server would refuse too.
            raise InputError(f"{where}: the CRD's spec is malformed ({error})")
    for header in headers.values():
        include = f"kubestack/crd/{header.group}/{header.version}.hpp"
        for struct in header.structs:
            definition = definition_of(header, struct.name)
            model.structs[definition] = {
                "cpp": f"kubestack::crd::{header.namespace}::{struct.name}",
                "header": include,
                "fields": [[wire, member, descriptor(cpp_type, header), required]
                           for wire, member, cpp_type, required, _ in struct.fields]}
            if struct.kind:
                api_version, kind, _, namespaced = struct.kind
                if model.kind(api_version, kind) is None:
                    model.kinds[f"{api_version} {kind}"] = {"struct": definition,
                                                            "namespaced": namespaced}
                    model.identity[definition] = {"apiVersion": api_version, "kind": kind}


def is_crd(document):
    items = top_items(document)
    return (field_text(document, items, "apiVersion"),
            field_text(document, items, "kind")) == CRD_KIND


def plain_value(model, document):
    """A document as plain Python values, as import_crds.py reads CRD files; its scalars
    read as kubectl reads them (import_yaml.py)."""
    return Decoder(model, document, "CustomResourceDefinition").json(document.node, "")
