// The standard library's modules as sema and emit see them (LANGUAGE.md 7): every module's
// functions, with what each parameter accepts, what each returns and the runtime function it
// becomes (docs/internals/runtime-contract.md, "Standard library"). The objects the library
// makes (sync.WaitGroup, sync.Mutex) have their own type kinds; their methods are listed here too.
//
// The table is the one place to change when a module gains a function: sema checks calls
// against it (check_module_call.cpp) and emit spells them from it (emit_stdlib.cpp).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace pyro2cpp::sema {

// What a parameter accepts. `any` arguments are accepted everywhere and converted to the
// parameter's C++ type at run time (emit writes the checked conversion).
enum class StdParam : std::uint8_t {
    number,       // int or float (the runtime takes either)
    int_,         // int
    string,       // string
    value,        // anything at all (json.stringify)
    string_list,  // list<string> or list_mut<string>
    list,         // any list or list_mut (random.choice)
    list_mut,     // a list_mut (random.shuffle)
    strings,      // path.join: one list of strings, or one or more strings
};

// What a call returns.
enum class StdResult : std::uint8_t {
    void_,
    bool_,
    int_,
    float_,
    string,
    any,          // json.parse, and the `T | void` results (env.var, io.read_line)
    string_list,  // list<string>
    string_dict,  // dict<string, string>
    any_dict,     // dict<string, any> (process.exec)
    element,      // the element type of the first argument (random.choice)
    wait_group,   // sync.WaitGroup
    mutex,        // sync.Mutex
};

struct StdFunction {
    std::string_view module;    // "math"; for a method, the module of its type
    std::string_view receiver;  // "" for a module function; "WaitGroup" for its methods
    std::string_view name;      // as called from Pyro
    std::vector<StdParam> params;
    std::size_t required = 0;  // the first `required` parameters must be given
    StdResult result = StdResult::void_;
};

// Whether `name` is a module of the standard library (`math`, not `std.math`).
bool is_std_module(std::string_view name);
// The module function `module.name`, or null.
const StdFunction* find_std_function(std::string_view module, std::string_view name);
// The method `name` of the library's type `type` (`WaitGroup`), or null.
const StdFunction* find_std_method(std::string_view type, std::string_view name);

}  // namespace pyro2cpp::sema
