// Moved to <kubestack/emit/yaml_scalar.hpp>, where stacks that hold model objects include it.
#pragma once

#include <kubestack/emit/yaml_scalar.hpp>
