// The command line of pyro2cpp-bind, which is what follows `bind` on pyro2cpp's:
//   pyro2cpp-bind HEADER [-- CLANG_ARGS...]
//   pyro2cpp-bind -h | --help
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace pyro2cpp::bind {

struct BindInvocation {
    bool help = false;
    std::string header;                   // as given
    std::vector<std::string> clang_args;  // everything after `--`
};

struct BindUsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// `args` excludes argv[0]. Throws BindUsageError on a bad command line.
BindInvocation parse_bind_args(const std::vector<std::string>& args);

std::string bind_help_text();

}  // namespace pyro2cpp::bind
