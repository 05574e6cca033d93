// The lexer: UTF-8 text in, tokens out, with INDENT/DEDENT/NEWLINE as Python makes them.
#pragma once

#include <vector>

#include "lexer/token.hpp"
#include "source/source.hpp"

namespace pyro2cpp {

struct LexResult {
    std::vector<Token> tokens;    // no comment tokens here
    std::vector<Token> comments;  // every comment, in source order, for the parser to attach
};

// Tokenises a whole file. Errors go to `diags`; lexing always reaches the end, and `tokens`
// always ends with NEWLINE (if any code was seen), the DEDENTs that close open blocks, and EOF.
LexResult lex(const SourceFile& file, DiagnosticSink& diags);

}  // namespace pyro2cpp
