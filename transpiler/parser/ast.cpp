// How AST operators are written in Pyro source: used in messages and in the AST dump.
#include "parser/ast.hpp"

namespace pyro2cpp::ast {

const char* spelling(UnaryOp op) {
    switch (op) {
        case UnaryOp::neg:
            return "-";
        case UnaryOp::plus:
            return "+";
        case UnaryOp::bit_not:
            return "~";
        case UnaryOp::not_:
            return "not";
    }
    return "?";
}

const char* spelling(BinaryOp op) {
    switch (op) {
        case BinaryOp::add:
            return "+";
        case BinaryOp::sub:
            return "-";
        case BinaryOp::mul:
            return "*";
        case BinaryOp::div:
            return "/";
        case BinaryOp::mod:
            return "%";
        case BinaryOp::pow:
            return "**";
        case BinaryOp::bit_and:
            return "&";
        case BinaryOp::bit_or:
            return "|";
        case BinaryOp::bit_xor:
            return "^";
        case BinaryOp::shl:
            return "<<";
        case BinaryOp::shr:
            return ">>";
    }
    return "?";
}

const char* spelling(CompareOp op) {
    switch (op) {
        case CompareOp::eq:
            return "==";
        case CompareOp::ne:
            return "!=";
        case CompareOp::lt:
            return "<";
        case CompareOp::le:
            return "<=";
        case CompareOp::gt:
            return ">";
        case CompareOp::ge:
            return ">=";
        case CompareOp::in:
            return "in";
        case CompareOp::not_in:
            return "not in";
    }
    return "?";
}

const char* spelling(LogicalOp op) {
    switch (op) {
        case LogicalOp::and_:
            return "and";
        case LogicalOp::or_:
            return "or";
    }
    return "?";
}

}  // namespace pyro2cpp::ast
