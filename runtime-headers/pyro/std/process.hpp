// std.process: running programs and ending this one (LANGUAGE.md 7).
//
// exec(cmd, args) runs `cmd` (looked up in PATH when it has no "/") with `args`, without a
// shell, and returns a dict {"stdout": string, "stderr": string, "code": int} once it has
// exited; its standard input is ours. code is the exit status, or 128 + n when signal n
// killed it. A program that cannot be started raises (`cannot run "nosuch": No such file or
// directory`); a program that runs and fails does not (look at "code"). exit(code) flushes
// output and ends the process with that status. process_ops.hpp does the work.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pyro/data.hpp"
#include "pyro/int.hpp"
#include "pyro/std/process_ops.hpp"
#include "pyro/str.hpp"

namespace pyro::process {

// The values differ in type (two strings and an int), so the dict's values are `any`.
inline Dict<Str, Any> exec(const Str& cmd, const List<Str>& args) {
    std::vector<std::string> arg_strings;
    arg_strings.reserve(args.size());
    for (const Str& arg : args) {
        arg_strings.emplace_back(arg.view());
    }
    detail::Outcome outcome = detail::run(cmd.view(), arg_strings);
    using namespace literals;
    rt::HashTable<Str, Any> table;
    table.insert_or_assign("stdout"_s, Any(Str(outcome.out)));
    table.insert_or_assign("stderr"_s, Any(Str(outcome.err)));
    table.insert_or_assign("code"_s, Any(Int(outcome.code)));
    return Dict<Str, Any>(std::move(table));
}
inline Dict<Str, Any> exec(const Str& cmd, const ListMut<Str>& args) {
    return exec(cmd, args.snapshot());
}

[[noreturn]] inline void exit(Int code) {
    detail::exit_now(static_cast<int>(code.v));
}

}  // namespace pyro::process
