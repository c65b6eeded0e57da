// Moved to <kubestack/emit/model_yaml.hpp>, where stacks that hold model objects include it.
#pragma once

#include <kubestack/emit/model_yaml.hpp>
