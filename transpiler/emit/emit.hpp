// The emitter: a checked module in, readable C++20 out, in the shape fixed by
// docs/internals/runtime-contract.md.
//
// emit never reports user errors: it runs only on a Program for which sema reported none,
// so every type it meets is concrete and every call is resolved.
#pragma once

#include <string>

#include "parser/ast.hpp"
#include "sema/sema.hpp"
#include "source/source.hpp"

namespace pyro2cpp::emit {

struct EmitOptions {
    bool line_directives = false;  // `#line N "file.pyro"` before each statement and function
};

// The C++ of a checked program (every file it imports included): one translation unit.
std::string emit_program(const sema::Program& program, const EmitOptions& options = {});

// The same for a program of one file (`module`, read from `file`, is program.modules[0]).
std::string emit_module(const ast::Module& module, const sema::Program& program,
                        const SourceFile& file, const EmitOptions& options = {});

}  // namespace pyro2cpp::emit
