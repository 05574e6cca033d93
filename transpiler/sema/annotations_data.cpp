// Annotations of the collection types: `list<int>`, `list_mut<string>`, `set<T>`,
// `dict<string, int>`, `tuple<int, string>` and their _mut forms. A bare `list` (`dict`, ...)
// has any elements; `tuple` alone is a tuple of any length, so it is any.
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

std::optional<TypeId> Checker::resolve_data_type(const ast::TypeExpr& type, bool report) {
    struct Kind {
        std::string_view name;
        TypeKind kind;
        bool is_mut;
        std::size_t arity;  // 0: any number (tuples)
    };
    static constexpr std::array<Kind, 8> kinds = {{
        {"list", TypeKind::list, false, 1},
        {"list_mut", TypeKind::list, true, 1},
        {"set", TypeKind::set, false, 1},
        {"set_mut", TypeKind::set, true, 1},
        {"dict", TypeKind::dict, false, 2},
        {"dict_mut", TypeKind::dict, true, 2},
        {"tuple", TypeKind::tuple, false, 0},
        {"tuple_mut", TypeKind::tuple, true, 0},
    }};
    for (const Kind& k : kinds) {
        if (type.name != k.name) continue;
        auto fail = [&](std::string message) {
            if (report) {
                if (frames_.empty()) {
                    sink_.error(type.range.begin, std::move(message));
                } else {
                    error(type.range.begin, std::move(message));
                }
            }
            return types::error;
        };
        std::vector<TypeId> args;
        for (const auto& arg : type.args) {
            TypeId t = resolve_type(*arg, report);
            if (t == types::error) return types::error;
            args.push_back(t);
        }
        if (args.empty()) {
            if (k.arity == 0) {
                if (!frames_.empty()) {
                    note_any(type.range.begin,
                             fmt::format("'{}' without element types has a length known only at "
                                         "run time",
                                         k.name));
                }
                return types::any;
            }
            args.assign(k.arity, types::any);
        } else if (k.arity != 0 && args.size() != k.arity) {
            return fail(fmt::format("type '{}' takes {} type argument{}, got {}", k.name, k.arity,
                                    k.arity == 1 ? "" : "s", args.size()));
        }
        return types().container(k.kind, std::move(args), k.is_mut);
    }
    return std::nullopt;
}

}  // namespace pyro2cpp::sema::detail
