// Emitting a whole program, in the order of docs/internals/runtime-contract.md: the header,
// a forward declaration of every function instance (so hoisting and mutual recursion need
// nothing more), the module-level variables as globals, the function definitions, then
// `pyro_main` with the top-level statements and `PYRO_MAIN`.
//
// Everything the main file defines lives in `namespace pyro_program`, so a Pyro name such as
// `log`, `time` or `index` never collides with a C library function of the global namespace.
// A program of several files is one translation unit with one namespace per file
// (`lib.pyro` -> `namespace lib_pyro`): first every file's declarations (so files that import
// each other can call each other), then every file's definitions, each imported file with
// a `pyro_init()` holding its top-level statements, which `pyro_main` calls in run order.
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit {

using namespace detail;

namespace detail {

std::string qualified(const Ctx& ctx, std::uint32_t module, const std::string& name) {
    if (module == ctx.module) return name;
    return ctx.program.modules[module].cpp_namespace + "::" + name;
}

std::string var_text(const Ctx& ctx, sema::VarRef ref) {
    const sema::Variable& var = ctx.program.variable(ctx.body, ref);
    return ref.global ? qualified(ctx, var.module, var.cpp_name) : var.cpp_name;
}

}  // namespace detail

namespace {

std::string signature(const sema::Program& program, const sema::FunctionInstance& inst,
                      bool definition) {
    if (inst.owner != nullptr) return method_signature(program, inst);
    std::string text = cpp_type(program.types, inst.result, true) + " " + inst.cpp_name + "(";
    for (std::size_t i = 0; i < inst.params.size(); ++i) {
        const sema::Variable& p = inst.body.locals[inst.params[i]];
        if (i > 0) text += ", ";
        if (definition && !p.read) text += "[[maybe_unused]] ";
        text += cpp_type(program.types, p.type) + " " + p.cpp_name;
    }
    return text + ")";
}

void emit_function(const sema::Program& program, const sema::FunctionInstance& inst,
                   const EmitOptions& options, const std::string& file_literal, Writer& w) {
    if (inst.extern_ != nullptr) {
        emit_extern(program, inst, options, file_literal, w);
        return;
    }
    const ast::DefStmt& def = *inst.def;
    for (const std::string& text : def.leading_comments)
        w.line(comment_text(text));
    if (options.line_directives)
        w.raw(fmt::format("#line {} {}", def.range.begin.line, file_literal));
    std::string comment = def.has_trailing_comment ? "  " + comment_text(def.trailing_comment) : "";
    w.line(signature(program, inst, true) + " {" + comment);
    w.indent();
    w.line("PYRO_ENTER();");
    Ctx ctx{program, inst.body, &inst, options, file_literal, inst.module};
    emit_block(ctx, w, def.body);
    if (inst.falls_off_end && inst.result == sema::types::any) {
        w.line("return pyro::Any();");  // void is one of the values an `any` result holds
    } else if (inst.falls_off_end && inst.result != sema::types::void_) {
        // Only a written `-> T` lets a function reach its end with a non-void result.
        w.line(fmt::format(
            "pyro::rt::raise_error({});",
            c_string("type mismatch: expected " + program.types.name(inst.result) + ", got void")));
    }
    w.dedent();
    w.line("}");
}

// One file's forward declarations and module-level variables.
void emit_declarations(const sema::Program& program, std::uint32_t module, Writer& w) {
    // With several files, every file's records and classes come before all of this (each in
    // its file's namespace), as the files' functions may use each other's.
    if (program.modules.size() == 1) emit_object_definitions(program, w);
    bool any = false;
    for (const auto& inst : program.instances) {
        if (inst->module != module || inst->owner != nullptr) continue;
        w.line(signature(program, *inst, false) + ";");
        any = true;
    }
    if (any) w.blank();
    any = false;
    for (const sema::Variable& g : program.globals) {
        if (g.module != module) continue;
        // A Range has no default value; any will do until the `let` runs.
        const char* init = g.type == sema::types::range ? " = pyro::range(0)" : "";
        w.line(cpp_type(program.types, g.type) + " " + g.cpp_name + init + ";");
        if (g.check_set) w.line("bool " + set_flag(g) + " = false;");
        any = true;
    }
    if (any) w.blank();
}

// One file's function definitions and its top-level statements: `pyro_main` for the main
// file (after the other files' `pyro_init`s, in run order), `pyro_init` for the others.
void emit_definitions(const sema::Program& program, std::uint32_t module,
                      const EmitOptions& options, const std::string& file_literal, Writer& w) {
    for (const auto& inst : program.instances) {
        if (inst->module != module) continue;
        emit_function(program, *inst, options, file_literal, w);
        w.blank();
    }
    const bool main = module + 1 == program.modules.size();
    w.line(main ? "void pyro_main() {" : "void pyro_init() {");
    w.indent();
    w.line("PYRO_ENTER();");
    if (main) {
        for (std::uint32_t m = 0; m < module; ++m)
            w.line(program.modules[m].cpp_namespace + "::pyro_init();");
    }
    Ctx ctx{program, program.main, nullptr, options, file_literal, module};
    emit_block(ctx, w, program.modules[module].module->body);
    w.dedent();
    w.line("}");
}

}  // namespace

std::string emit_program(const sema::Program& program, const EmitOptions& options) {
    const auto main = static_cast<std::uint32_t>(program.modules.size() - 1);
    const SourceFile& file = *program.modules[main].file;
    const std::string file_literal = c_string(file.path);
    Writer w;
    w.raw("// Generated by pyro2cpp from " + file.path + ". Do not edit.");
    w.raw("#include <pyro/pyro.hpp>");
    for (const std::string& line : interop_includes(program))
        w.raw(line);
    w.out() += std_includes(program);
    w.blank();
    w.raw("using namespace pyro::literals;");
    w.raw("static constexpr const char* pyro_file = " + file_literal + ";");
    w.blank();
    if (main == 0) {
        w.raw("namespace pyro_program {");
        w.blank();
        emit_declarations(program, main, w);
        emit_definitions(program, main, options, file_literal, w);
    } else {
        emit_object_definitions(program, w);
        // Every file's declarations first: files that import each other call each other.
        for (std::uint32_t m = 0; m <= main; ++m) {
            const sema::ModuleInfo& info = program.modules[m];
            w.raw("namespace " + info.cpp_namespace + " {  // " + info.file->path);
            w.blank();
            if (m != main) {
                w.line("static constexpr const char* pyro_file = " + c_string(info.file->path) +
                       ";");
                w.line("void pyro_init();");
                w.blank();
            }
            emit_declarations(program, m, w);
            w.raw("}  // namespace " + info.cpp_namespace);
            w.blank();
        }
        for (std::uint32_t m = 0; m <= main; ++m) {
            const sema::ModuleInfo& info = program.modules[m];
            w.raw("namespace " + info.cpp_namespace + " {  // " + info.file->path);
            w.blank();
            emit_definitions(program, m, options, c_string(info.file->path), w);
            if (m != main) {
                w.blank();
                w.raw("}  // namespace " + info.cpp_namespace);
                w.blank();
            }
        }
    }
    w.blank();
    w.raw("}  // namespace pyro_program");
    w.blank();
    w.raw("PYRO_MAIN(pyro_program::pyro_main)");
    for (const std::string& text : program.modules[main].module->trailing_comments)
        w.raw(comment_text(text));
    return std::move(w.out());
}

std::string emit_module(const ast::Module& module, const sema::Program& program,
                        const SourceFile& file, const EmitOptions& options) {
    static_cast<void>(module);
    static_cast<void>(file);
    return emit_program(program, options);
}

}  // namespace pyro2cpp::emit
