// A typed object model as generated code would shape it: one plain struct per OpenAPI
// definition (a subset of core/v1 and apps/v1 here), heap-allocated lists, and fields that
// may be absent. Measured by run.py: what such a model costs GCC's constexpr evaluator.
//
// -DUSE_STD_OPTIONAL makes absent fields std::optional; the default is a presence flag
// beside the value, which GCC evaluates about three times faster.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace heap_model {

template <class T>
class List {
public:
    constexpr List() = default;
    constexpr List(std::initializer_list<T> items) {
        for (const T& item : items)
            push_back(item);
    }
    constexpr List(const List& other) {
        reserve(other.size_);
        for (const T& item : other)
            push_back(item);
    }
    constexpr List(List&& other) noexcept
        : data_(std::exchange(other.data_, nullptr))
        , size_(std::exchange(other.size_, 0))
        , capacity_(std::exchange(other.capacity_, 0)) {}
    constexpr List& operator=(List other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        std::swap(capacity_, other.capacity_);
        return *this;
    }
    constexpr ~List() {
        if (capacity_ == 0) return;
        for (std::size_t i = 0; i < size_; ++i)
            std::destroy_at(data_ + i);
        std::allocator<T>().deallocate(data_, capacity_);
    }
    constexpr void push_back(const T& item) {
        if (size_ == capacity_) reserve(capacity_ == 0 ? 2 : capacity_ * 2);
        std::construct_at(data_ + size_, item);
        ++size_;
    }
    constexpr void reserve(std::size_t capacity) {
        if (capacity <= capacity_) return;
        T* bigger = std::allocator<T>().allocate(capacity);
        for (std::size_t i = 0; i < size_; ++i) {
            std::construct_at(bigger + i, std::move(data_[i]));
            std::destroy_at(data_ + i);
        }
        if (capacity_ != 0) std::allocator<T>().deallocate(data_, capacity_);
        data_ = bigger;
        capacity_ = capacity;
    }
    constexpr std::size_t size() const { return size_; }
    constexpr const T* begin() const { return data_; }
    constexpr const T* end() const { return data_ + size_; }

private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

#ifdef USE_STD_OPTIONAL
template <class T>
using Opt = std::optional<T>;
#else
// A value and whether it was set.
template <class T>
struct Opt {
    T value{};
    bool set = false;

    constexpr Opt() = default;
    template <class U>
    requires std::is_constructible_v<T, const U&>
    constexpr Opt(const U& v)
        : value(v)
        , set(true) {}
    template <class U>
    requires std::is_constructible_v<T, const U&>
    constexpr Opt& operator=(const U& v) {
        value = v;
        set = true;
        return *this;
    }
    constexpr T* operator->() { return &value; }
    constexpr const T* operator->() const { return &value; }
    constexpr const T& operator*() const { return value; }
};
#endif

using String = std::string_view;
struct KeyValue {
    String key, value;
};
using Map = List<KeyValue>;
struct IntOrString {
    std::int64_t number = 0;
    String text;
    bool is_text = false;
};

// clang-format off
struct ObjectMeta { Opt<String> name, ns, generateName, uid, resourceVersion; Opt<Map> labels, annotations; Opt<std::int64_t> generation; Opt<List<String>> finalizers; };
struct LabelSelectorRequirement { String key, op; Opt<List<String>> values; };
struct LabelSelector { Opt<Map> matchLabels; Opt<List<LabelSelectorRequirement>> matchExpressions; };
struct ContainerPort { std::int32_t containerPort; Opt<String> name, protocol, hostIP; Opt<std::int32_t> hostPort; };
struct KeySelector { String key; Opt<String> name; Opt<bool> optional; };
struct EnvVarSource { Opt<KeySelector> configMapKeyRef, secretKeyRef; };
struct EnvVar { String name; Opt<String> value; Opt<EnvVarSource> valueFrom; };
struct ResourceRequirements { Opt<Map> limits, requests; };
struct VolumeMount { String name, mountPath; Opt<bool> readOnly; Opt<String> subPath, mountPropagation; };
struct Probe { Opt<std::int32_t> initialDelaySeconds, periodSeconds, timeoutSeconds, failureThreshold, successThreshold; Opt<List<String>> exec; };
struct SecurityContext { Opt<bool> privileged, readOnlyRootFilesystem, allowPrivilegeEscalation, runAsNonRoot; Opt<std::int64_t> runAsUser, runAsGroup; };
struct Container { String name; Opt<String> image, imagePullPolicy, workingDir, terminationMessagePath; Opt<List<String>> command, args; Opt<List<ContainerPort>> ports; Opt<List<EnvVar>> env; Opt<ResourceRequirements> resources; Opt<List<VolumeMount>> volumeMounts; Opt<Probe> livenessProbe, readinessProbe, startupProbe; Opt<SecurityContext> securityContext; Opt<bool> stdin, tty; };
struct Volume { String name; Opt<String> claimName, configMap, secret, hostPath; };
struct PodSpec { List<Container> containers; Opt<List<Container>> initContainers; Opt<List<Volume>> volumes; Opt<String> restartPolicy, serviceAccountName, nodeName, schedulerName, priorityClassName, dnsPolicy; Opt<std::int64_t> terminationGracePeriodSeconds, activeDeadlineSeconds; Opt<bool> hostNetwork, hostPID, hostIPC, automountServiceAccountToken; Opt<Map> nodeSelector; Opt<LabelSelector> antiAffinity; };
struct PodTemplateSpec { Opt<ObjectMeta> metadata; Opt<PodSpec> spec; };
struct DeploymentSpec { Opt<std::int32_t> replicas, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds; LabelSelector selector; PodTemplateSpec tmpl; Opt<String> strategy; Opt<bool> paused; };
struct Deployment { Opt<ObjectMeta> metadata; Opt<DeploymentSpec> spec; };
struct ServicePort { std::int32_t port; Opt<String> name, protocol, appProtocol; Opt<IntOrString> targetPort; Opt<std::int32_t> nodePort; };
struct ServiceSpec { Opt<List<ServicePort>> ports; Opt<Map> selector; Opt<String> type, clusterIP, externalTrafficPolicy; };
struct Service { Opt<ObjectMeta> metadata; Opt<ServiceSpec> spec; };
struct IngressBackend { String service; std::int32_t port; };
struct IngressPath { Opt<String> path; String pathType; IngressBackend backend; };
struct IngressRule { Opt<String> host; List<IngressPath> paths; };
struct IngressSpec { Opt<String> ingressClassName; Opt<List<IngressRule>> rules; };
struct Ingress { Opt<ObjectMeta> metadata; Opt<IngressSpec> spec; };
// clang-format on

} // namespace heap_model
