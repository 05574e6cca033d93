// Parses pyro2cpp-bind's command line (bind_args.hpp). Everything after `--` goes to Clang
// untouched, so Clang's own options never need quoting or escaping here.
#include "bind/bind_args.hpp"

namespace pyro2cpp::bind {

BindInvocation parse_bind_args(const std::vector<std::string>& args) {
    BindInvocation inv;
    size_t i = 0;
    for (; i < args.size() && args[i] != "--"; ++i) {
        const std::string& arg = args[i];
        if (arg == "-h" || arg == "--help") {
            inv.help = true;
        } else if (arg.size() > 1 && arg[0] == '-') {
            throw BindUsageError("bind: unknown option '" + arg +
                                 "' (Clang's options go after '--')");
        } else if (!inv.header.empty()) {
            throw BindUsageError("bind: one header at a time (got '" + inv.header + "' and '" +
                                 arg + "')");
        } else {
            inv.header = arg;
        }
    }
    if (i < args.size()) inv.clang_args.assign(args.begin() + i + 1, args.end());
    if (!inv.help && inv.header.empty()) throw BindUsageError("bind: no header given");
    return inv;
}

std::string bind_help_text() {
    return R"(usage: pyro2cpp bind HEADER [-- CLANG_ARGS...]

Reads the C++ header HEADER with Clang and prints a Pyro file declaring its free functions:
  import cpp "HEADER"
  extern "geo::hypot2" def geo_hypot2(x: float, y: float) -> float
one `extern` line for each function whose types have Pyro counterparts, and a
`# skipped NAME: reason` comment for each one without. Functions declared in HEADER and in
the other headers of its directory are listed; those of system headers are not.

The header is parsed as C++20; CLANG_ARGS (e.g. -I DIR, -D NAME=VALUE) are passed to Clang.

exit status: 0 success, 1 Clang reported errors (printed as Clang prints them),
2 bad usage or a missing header.
)";
}

}  // namespace pyro2cpp::bind
