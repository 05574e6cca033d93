// Concurrency in sema (LANGUAGE.md 6): channel types and their joins and conversions, `chan<T>(n)`
// and `chan(n)`, the methods of channels and of their Sender/Receiver views, `for v in rx`,
// `go` and `select`.
//
// `chan(n)` takes its element type from the first use in the same function (a push, a pushed
// select case, or a conversion to a typed channel). The first pass over the body gives it a
// placeholder type, `chan<pending>` remembering the call (TypeInfo::decl); a use records the
// element in the body's memory under the call's key and asks for another pass; the next pass
// types the call `chan<T>`, or `chan<any>` when nothing told. A placeholder joins the real type
// (so the variables holding it keep no trace of it) and never instantiates a function.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema {

namespace {

bool is_channel_kind(TypeKind kind) {
    return kind == TypeKind::chan || kind == TypeKind::sender || kind == TypeKind::receiver;
}

}  // namespace

bool is_unknown_channel(const TypeTable& types, TypeId id) {
    const TypeInfo& info = types.info(id);
    return is_channel_kind(info.kind) && info.args.size() == 1 && info.args[0] == types::pending;
}

std::optional<TypeId> join_channels(const TypeTable& types, TypeId a, TypeId b) {
    const TypeInfo& x = types.info(a);
    const TypeInfo& y = types.info(b);
    if (x.kind != y.kind || !is_channel_kind(x.kind)) return std::nullopt;
    if (is_unknown_channel(types, a)) return b;
    if (is_unknown_channel(types, b)) return a;
    return std::nullopt;
}

// A chan<T> is accepted where a Sender<T> or Receiver<T> is expected (LANGUAGE.md 6.2).
bool channel_converts(const TypeTable& types, TypeId from, TypeId to) {
    const TypeInfo& f = types.info(from);
    const TypeInfo& t = types.info(to);
    if (!is_channel_kind(f.kind) || !is_channel_kind(t.kind)) return false;
    if (f.kind != t.kind && f.kind != TypeKind::chan) return false;
    return f.args[0] == t.args[0] || f.args[0] == types::pending;
}

}  // namespace pyro2cpp::sema

namespace pyro2cpp::sema::detail {

namespace {

// Keys of a `chan(n)` call's memory: visited once, and the element type learnt.
constexpr std::uint32_t kChanSeen = 0xC4A0'0001u;
constexpr std::uint32_t kChanElement = 0xC4A0'0002u;

}  // namespace

std::optional<TypeId> Checker::resolve_channel_type(const ast::TypeExpr& type, bool report) {
    TypeKind kind;
    if ((type.name == "WaitGroup" || type.name == "Mutex") && type.args.empty()) {
        TypeInfo info;  // std.sync's types, written as parameter annotations
        info.kind = type.name == "Mutex" ? TypeKind::mutex : TypeKind::wait_group;
        return types().intern(info);
    }
    if (type.name == "chan") {
        kind = TypeKind::chan;
    } else if (type.name == "Sender") {
        kind = TypeKind::sender;
    } else if (type.name == "Receiver") {
        kind = TypeKind::receiver;
    } else {
        return std::nullopt;
    }
    if (type.args.size() != 1) {
        if (report) {
            const std::string message =
                fmt::format("type '{}' takes one type argument: {}<T>", type.name, type.name);
            if (frames_.empty()) {
                sink_.error(type.range.begin, message);
            } else {
                error(type.range.begin, message);
            }
        }
        return types::error;
    }
    const TypeId element = resolve_type(*type.args[0], report);
    if (element == types::error) return types::error;
    return types().channel(kind, element);
}

TypeId Checker::check_chan_new(const ast::ChanNew& e) {
    const TypeId element = resolve_type(*e.element, true);
    const TypeId capacity = check_expr(*e.capacity);
    if (element == types::error || capacity == types::error) return types::error;
    if (!types().is_silent(capacity) && capacity != types::int_ && capacity != types::any) {
        error(e.capacity->range.begin,
              fmt::format("a channel's capacity must be an int, got {}", type_name(capacity)));
        return types::error;
    }
    return types().channel(TypeKind::chan, element);
}

// chan(n): the element type comes from the first use (see the top of this file).
TypeId Checker::check_chan_call(const ast::Call& call) {
    bool failed = false;
    const std::vector<TypeId> args = check_args(call, &failed);
    if (args.size() != 1) {
        error(call.range.begin, fmt::format("chan() takes 1 argument (the capacity) but {}",
                                            given_text(args.size())));
        return types::error;
    }
    if (failed) return types::error;
    if (!types().is_silent(args[0]) && args[0] != types::int_ && args[0] != types::any) {
        error(call.args[0]->range.begin,
              fmt::format("a channel's capacity must be an int, got {}", type_name(args[0])));
        return types::error;
    }
    VarMemories& memory = *frame().memory;
    if (memory.count(DeclKey{&call, kChanSeen}) == 0) {
        memory[DeclKey{&call, kChanSeen}];
        frame().widened = true;
        return types().channel(TypeKind::chan, types::pending, &call);
    }
    auto learnt = memory.find(DeclKey{&call, kChanElement});
    if (learnt == memory.end() || learnt->second.type == types::pending) {
        note_any(call.range.begin,
                 "the element type of this chan(n) is not known from a use in the same function");
        return types().channel(TypeKind::chan, types::any);
    }
    return types().channel(TypeKind::chan, learnt->second.type);
}

// A use of a `chan(n)` whose element type is not known yet tells it.
void Checker::learn_element(TypeId channel, TypeId value) {
    const TypeInfo& info = types().info(channel);
    if (!is_unknown_channel(types(), channel) || info.decl == nullptr) return;
    if (types().is_silent(value) || is_unknown_channel(types(), value)) return;
    VarMemory& memory = (*frame().memory)[DeclKey{info.decl, kChanElement}];
    if (memory.type == types::pending) {
        memory.type = value;
        frame().widened = true;
    }
}

// A `chan(n)` passed where a typed channel is expected takes that channel's element type.
void Checker::learn_element_from(TypeId channel, TypeId target) {
    if (!is_channel_kind(types().kind(target))) return;
    learn_element(channel, types().info(target).args[0]);
}

TypeId Checker::check_member_call(const ast::Call& call) {
    const auto& member = call.callee->as<ast::Member>();
    if (is_super_call(*member.object)) return *check_method_call(call);
    // std.time's functions, std.sync's constructors (check_module_call.cpp).
    if (auto result = check_std_module_call(call)) return *result;
    const TypeId object = check_expr(*member.object);
    // Records, classes and any: methods of user types (check_members.cpp).
    if (object == types::any || class_of(object) != nullptr ||
        types().kind(object) == TypeKind::interface) {
        if (auto result = check_method_call(call, object)) return *result;
    }
    // Collections and strings (check_methods.cpp).
    if (types().is_container(object) || types().kind(object) == TypeKind::string ||
        types().is_silent(object)) {
        return check_data_method_call(call, object);
    }
    switch (types().kind(object)) {
        case TypeKind::chan:
        case TypeKind::sender:
        case TypeKind::receiver:
            return check_channel_method(call, object);
        case TypeKind::wait_group:
        case TypeKind::mutex:
            return check_std_method_call(call, object);
        default:
            break;
    }
    bool failed = types().is_silent(object);
    for (const auto& arg : call.args)
        failed = check_expr(*arg) == types::error || failed;
    if (failed) return types::error;
    if (object == types::any) return types::any;
    return unsupported(member.name_loc, fmt::format("'.{}': attributes and methods are not "
                                                    "supported yet",
                                                    member.name));
}

TypeId Checker::check_channel_method(const ast::Call& call, TypeId object) {
    const auto& member = call.callee->as<ast::Member>();
    const std::string& name = member.name;
    const TypeInfo info = types().info(object);
    const TypeId element = info.args[0];
    bool failed = false;
    const std::vector<TypeId> args = check_args(call, &failed);
    auto arity = [&](std::size_t n) { return check_arity(call, name, args.size(), n, n); };
    auto only = [&](TypeKind wrong, const char* what) {
        if (info.kind != wrong) return true;
        error(member.name_loc, fmt::format("{}: cannot {} {}",
                                           wrong == TypeKind::sender ? "channel is send-only"
                                                                     : "channel is receive-only",
                                           what, a_type(object)));
        return false;
    };
    if (name == "push") {
        if (!only(TypeKind::receiver, "push to") || !arity(1) || failed) return types::error;
        learn_element(object, args[0]);
        if (element != types::pending && !check_conversion(args[0], element, *call.args[0])) {
            return types::error;
        }
        return types::void_;
    }
    if (name == "collect") {
        if (!only(TypeKind::sender, "collect from") || !arity(0)) return types::error;
        return element;
    }
    if (name == "close") {
        if (!only(TypeKind::receiver, "close") || !arity(0)) return types::error;
        return types::void_;
    }
    if (name == "len" || name == "capacity") {
        return arity(0) ? types::int_ : types::error;
    }
    if ((name == "sender" || name == "receiver") && info.kind == TypeKind::chan) {
        if (!arity(0)) return types::error;
        return types().channel(name == "sender" ? TypeKind::sender : TypeKind::receiver, element,
                               info.decl);
    }
    return unsupported(member.name_loc,
                       fmt::format("{} has no method '{}'", type_name(object), name));
}

// `for v in rx:` collects until the channel is closed and drained.
std::optional<TypeId> Checker::channel_iteration(const ast::ForStmt& stmt, TypeId iter) {
    const TypeKind kind = types().kind(iter);
    if (!is_channel_kind(kind)) return std::nullopt;
    if (kind == TypeKind::sender) {
        error(stmt.iter->range.begin,
              fmt::format("channel is send-only: cannot iterate over {}", a_type(iter)));
        return types::error;
    }
    return types().info(iter).args[0];
}

// go f(args): the callee and the arguments are evaluated here; the call must be complete.
void Checker::check_go(const ast::GoStmt& stmt) {
    const auto& call = stmt.call->as<ast::Call>();
    const ast::Expr& callee = *call.callee;
    if (callee.kind == ast::ExprKind::name) {
        const std::string& name = callee.as<ast::Name>().id;
        const Resolved r = resolve(name, callee.range.begin);
        if (r.kind == Resolved::Kind::function) {
            const std::vector<TypeId> args = check_args(call);
            const std::size_t n = r.function->def->params.size();
            if (args.size() < n) {
                error(call.range.begin,
                      fmt::format("'go' needs a complete call: '{}' takes {}, got {} (a partial "
                                  "application cannot run as a task)",
                                  name, count_text(n), args.size()));
                return;
            }
            frame().body->expr_types[&call] = call_function(*r.function, call, args);
            return;
        }
        if (r.kind == Resolved::Kind::builtin &&
            (r.builtin == Builtin::print || r.builtin == Builtin::eprint)) {
            check_expr(call);
            return;
        }
    }
    // A method, a library function, a function value or the result of a call
    // (`go make(cfg)(1)`: only the outermost call runs in the task).
    const TypeId result = check_expr(call);
    if (types().is_silent(result)) return;
    auto target = frame().body->calls.find(&call);
    if (target != frame().body->calls.end() && !target->second.complete(call.args.size())) {
        error(call.range.begin,
              fmt::format("'go' needs a complete call: the function takes {}, got {} (a "
                          "partial application cannot run as a task)",
                          count_text(target->second.params), call.args.size()));
    }
}

void Checker::check_select(const ast::SelectStmt& stmt) {
    bool has_default = false;
    auto channel_of = [&](const ast::SelectCase& c, TypeKind wrong) -> std::optional<TypeId> {
        const TypeId ch = check_expr(*c.channel);
        if (types().is_silent(ch)) return std::nullopt;
        const TypeKind kind = types().kind(ch);
        if (ch == types::any) return types::any;
        if (!is_channel_kind(kind)) {
            error(c.channel->range.begin,
                  fmt::format("a select case needs a channel, got {}", type_name(ch)));
            return std::nullopt;
        }
        if (kind == wrong) {
            error(c.channel->range.begin,
                  wrong == TypeKind::sender
                      ? fmt::format("channel is send-only: cannot collect from {}", a_type(ch))
                      : fmt::format("channel is receive-only: cannot push to {}", a_type(ch)));
            return std::nullopt;
        }
        return ch;
    };
    for (const ast::SelectCase& c : stmt.cases) {
        switch (c.kind) {
            case ast::SelectCaseKind::collect: {
                const std::optional<TypeId> ch = channel_of(c, TypeKind::sender);
                TypeId element = types::error;
                // On an any channel the view is checked and the value boxed at run time.
                if (ch) element = *ch == types::any ? types::any : types().info(*ch).args[0];
                push_scope();
                if (!c.binding.empty()) {
                    declare_variable(c.binding, c.binding_loc, element, std::nullopt, true,
                                     DeclKey{&c, 0});
                }
                check_statements(c.body);
                pop_scope();
                continue;
            }
            case ast::SelectCaseKind::push: {
                const std::optional<TypeId> ch = channel_of(c, TypeKind::receiver);
                const TypeId value = check_expr(*c.value);
                if (ch && *ch != types::any) {
                    learn_element(*ch, value);
                    const TypeId element = types().info(*ch).args[0];
                    if (element != types::pending) check_conversion(value, element, *c.value);
                }
                break;
            }
            case ast::SelectCaseKind::after: {
                const TypeId t = check_expr(*c.value);
                if (!types().is_silent(t) && t != types::any && !types().is_numeric(t)) {
                    error(c.value->range.begin,
                          fmt::format("after() takes seconds as an int or a float, got {}",
                                      type_name(t)));
                }
                break;
            }
            case ast::SelectCaseKind::default_:
                if (has_default) error(c.range.begin, "a 'select' has at most one 'default'");
                has_default = true;
                break;
        }
        check_block(c.body);
    }
    if (stmt.cases.empty()) error(stmt.range.begin, "a 'select' needs at least one case");
}

}  // namespace pyro2cpp::sema::detail
