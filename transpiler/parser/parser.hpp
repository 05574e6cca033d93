// The parser: tokens in, one ast::Module out. Recursive descent, one function per grammar
// rule. Errors go to the sink; the parser recovers at the next statement so one run reports
// several mistakes, and it always returns a tree (possibly partial).
#pragma once

#include "lexer/lexer.hpp"
#include "parser/ast.hpp"

namespace pyro2cpp {

ast::Module parse(const SourceFile& file, const LexResult& lexed, DiagnosticSink& diags);

// Lexes and parses in one go.
ast::Module parse_file(const SourceFile& file, DiagnosticSink& diags);

// A readable, stable S-expression dump of a module, for unit tests and `--dump-ast`.
std::string dump(const ast::Module& module);

}  // namespace pyro2cpp
