// Token kind names for messages, generated from token_kinds.def so they cannot drift.
#include "lexer/token.hpp"

namespace pyro2cpp {

const char* token_spelling(TokenKind kind) {
    switch (kind) {
#define TOKEN(name, spelling) \
    case TokenKind::name:     \
        return spelling;
#include "lexer/token_kinds.def"
    }
    return "token";
}

}  // namespace pyro2cpp
