// Type annotations: the TypeExpr a user wrote, as a TypeId.
//
// This version knows the scalar types and `any`; the other type names of LANGUAGE.md 4 are
// recognised and reported as not supported yet, so later issues extend this switch rather
// than replace an "unknown type" error.
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

constexpr std::array<std::string_view, 4> later_type_names = {
    "chan",
    "Sender",
    "Receiver",
    "Error",
};

}  // namespace

// What a bad annotation resolves to: error, reported at the type unless `report` is false
// (a re-resolution). error() goes straight to the sink when no body is being checked.
TypeId Checker::annotation_error(const ast::TypeExpr& type, std::string message, bool report) {
    if (report) error(type.range.begin, std::move(message));
    return types::error;
}

TypeId Checker::resolve_type(const ast::TypeExpr& type, bool report) {
    auto fail = [&](std::string message) {
        return annotation_error(type, std::move(message), report);
    };
    switch (type.kind) {
        case ast::TypeExprKind::function: {
            // (int, int) -> int
            std::vector<TypeId> params;
            bool ok = true;
            for (const auto& arg : type.args) {
                params.push_back(resolve_type(*arg, report));
                ok = ok && params.back() != types::error;
            }
            TypeId result = type.result ? resolve_type(*type.result, report) : types::void_;
            if (!ok || result == types::error) return types::error;
            return types().function(std::move(params), result);
        }
        case ast::TypeExprKind::union_: {
            // A union is any (LANGUAGE.md 9); its members must still be types.
            bool ok = true;
            std::vector<TypeId> members;
            for (const auto& member : type.args) {
                members.push_back(resolve_type(*member, report));
                ok = members.back() != types::error && ok;
            }
            union_members_[&type] = std::move(members);
            return ok ? types::any : types::error;
        }
        case ast::TypeExprKind::named:
            break;
    }
    static const std::array<std::pair<std::string_view, TypeId>, 6> scalars = {{
        {"int", types::int_},
        {"float", types::float_},
        {"bool", types::bool_},
        {"string", types::string},
        {"void", types::void_},
        {"any", types::any},
    }};
    for (const auto& [name, id] : scalars) {
        if (type.name != name) continue;
        if (!type.args.empty()) {
            return fail(fmt::format("type '{}' takes no type arguments", type.name));
        }
        if (id == types::any && !frames_.empty()) {
            note_any(type.range.begin, "the type any is written here");
        }
        return id;
    }
    if (auto t = object_type(type, report)) return *t;
    if (auto channel = resolve_channel_type(type, report)) return *channel;
    if (auto data = resolve_data_type(type, report)) return *data;
    // A type parameter (not supported yet, reported once at the def).
    if (type_params_.count(type.name) != 0) return types::error;
    bool later = false;
    for (std::string_view name : later_type_names)
        later = later || type.name == name;
    if (later) return fail(fmt::format("type '{}' is not supported yet", type.name));
    return fail(fmt::format("unknown type '{}'", type.name));
}

}  // namespace pyro2cpp::sema::detail
