// Moved to <kubestack/emit/json_yaml.hpp>, where stacks that hold model objects include it.
#pragma once

#include <kubestack/emit/json_yaml.hpp>
