// The table of the standard library's functions (LANGUAGE.md 7, 6.5): every module function
// and every method of the library's objects, with its parameters and its result. The C++
// spelling follows from the names: `math.sqrt` is `pyro::math::sqrt`, a WaitGroup's `add` is
// the member `add` (emit/emit_stdlib.cpp).
#include "sema/stdlib_modules.hpp"

#include <array>

namespace pyro2cpp::sema {

namespace {

using P = StdParam;
using R = StdResult;

// One function: every parameter required unless `required` says fewer.
StdFunction fn(std::string_view module, std::string_view name, std::vector<StdParam> params,
               StdResult result) {
    StdFunction f{module, "", name, std::move(params), 0, result};
    f.required = f.params.size();
    return f;
}

StdFunction method(std::string_view module, std::string_view type, std::string_view name,
                   std::vector<StdParam> params, StdResult result) {
    StdFunction f = fn(module, name, std::move(params), result);
    f.receiver = type;
    return f;
}

std::vector<StdFunction> make_table() {
    std::vector<StdFunction> t;
    // time
    t.push_back(fn("time", "now", {}, R::float_));
    t.push_back(fn("time", "millis", {}, R::int_));
    t.push_back(fn("time", "monotonic", {}, R::float_));
    t.push_back(fn("time", "sleep", {P::number}, R::void_));
    // math: every result is a float
    for (std::string_view name : {"abs", "ceil", "floor", "round", "sqrt", "sin", "cos", "tan",
                                  "asin", "acos", "atan", "log2", "log10", "exp"}) {
        t.push_back(fn("math", name, {P::number}, R::float_));
    }
    t.push_back(fn("math", "pow", {P::number, P::number}, R::float_));
    t.push_back(fn("math", "atan2", {P::number, P::number}, R::float_));
    StdFunction log = fn("math", "log", {P::number, P::number}, R::float_);
    log.required = 1;  // the base is optional
    t.push_back(log);
    t.push_back(fn("math", "pi", {}, R::float_));
    t.push_back(fn("math", "e", {}, R::float_));
    // random
    t.push_back(fn("random", "random", {}, R::float_));
    t.push_back(fn("random", "randint", {P::int_, P::int_}, R::int_));
    t.push_back(fn("random", "seed", {P::int_}, R::void_));
    t.push_back(fn("random", "choice", {P::list}, R::element));
    t.push_back(fn("random", "shuffle", {P::list_mut}, R::void_));
    // json
    t.push_back(fn("json", "stringify", {P::value}, R::string));
    t.push_back(fn("json", "parse", {P::string}, R::any));
    // fs
    t.push_back(fn("fs", "read_to_string", {P::string}, R::string));
    t.push_back(fn("fs", "write", {P::string, P::string}, R::void_));
    t.push_back(fn("fs", "append", {P::string, P::string}, R::void_));
    for (std::string_view name : {"exists", "is_file", "is_dir"})
        t.push_back(fn("fs", name, {P::string}, R::bool_));
    for (std::string_view name : {"create_dir", "remove_file", "remove_dir"})
        t.push_back(fn("fs", name, {P::string}, R::void_));
    t.push_back(fn("fs", "list_dir", {P::string}, R::string_list));
    // env
    t.push_back(fn("env", "var", {P::string}, R::any));
    t.push_back(fn("env", "vars", {}, R::string_dict));
    t.push_back(fn("env", "args", {}, R::string_list));
    t.push_back(fn("env", "cwd", {}, R::string));
    t.push_back(fn("env", "set_cwd", {P::string}, R::void_));
    // path
    t.push_back(fn("path", "join", {P::strings}, R::string));
    for (std::string_view name : {"basename", "dirname", "extname", "abs_path"})
        t.push_back(fn("path", name, {P::string}, R::string));
    // process
    t.push_back(fn("process", "exec", {P::string, P::string_list}, R::any_dict));
    t.push_back(fn("process", "exit", {P::int_}, R::void_));
    // io
    t.push_back(fn("io", "read_file", {P::string}, R::string));
    t.push_back(fn("io", "write_file", {P::string, P::string}, R::void_));
    t.push_back(fn("io", "read_line", {}, R::any));
    // sync (LANGUAGE.md 6.5): constructors, and the objects' methods
    t.push_back(fn("sync", "WaitGroup", {}, R::wait_group));
    t.push_back(fn("sync", "Mutex", {}, R::mutex));
    t.push_back(method("sync", "WaitGroup", "add", {P::int_}, R::void_));
    t.push_back(method("sync", "WaitGroup", "done", {}, R::void_));
    t.push_back(method("sync", "WaitGroup", "wait", {}, R::void_));
    t.push_back(method("sync", "Mutex", "lock", {}, R::void_));
    t.push_back(method("sync", "Mutex", "unlock", {}, R::void_));
    return t;
}

const std::vector<StdFunction>& table() {
    static const std::vector<StdFunction> functions = make_table();
    return functions;
}

constexpr std::array<std::string_view, 10> modules = {
    "time", "sync", "math", "random", "json", "fs", "env", "path", "process", "io",
};

}  // namespace

bool is_std_module(std::string_view name) {
    for (std::string_view m : modules) {
        if (m == name) return true;
    }
    return false;
}

const StdFunction* find_std_function(std::string_view module, std::string_view name) {
    for (const StdFunction& f : table()) {
        if (f.receiver.empty() && f.module == module && f.name == name) return &f;
    }
    return nullptr;
}

const StdFunction* find_std_method(std::string_view type, std::string_view name) {
    for (const StdFunction& f : table()) {
        if (f.receiver == type && f.name == name) return &f;
    }
    return nullptr;
}

}  // namespace pyro2cpp::sema
