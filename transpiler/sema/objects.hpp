// What sema knows about records, classes and the built-in class Error, for the checker and
// for emit (docs/internals/runtime-contract.md, "Records" and "Classes").
//
// A ClassInfo is made once per `record`/`class` statement (and one for Error) when the
// module's declarations are collected; its fields are found then too: a record's are
// declared, a class's are the `self.x` its methods assign (LANGUAGE.md 9), each owned by the
// highest class in the chain that assigns it. Field types are inferred while bodies are
// checked, so FieldInfo::type holds the final join only after analysis.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "parser/ast.hpp"
#include "sema/types.hpp"

namespace pyro2cpp::sema {

struct FieldInfo {
    std::string name;
    std::string cpp_name;
    TypeId type = types::pending;
    const ast::TypeExpr* annotation = nullptr;  // records: the declared type
};

struct ClassInfo {
    enum class Kind : std::uint8_t { class_, record, builtin_error };
    Kind kind = Kind::class_;
    std::string name;
    std::string cpp_name;                  // `pyro::Error` for the built-in one
    const ast::ClassStmt* cls = nullptr;   // Kind::class_
    const ast::RecordStmt* rec = nullptr;  // Kind::record
    const ClassInfo* parent = nullptr;
    TypeId type = types::error;            // its instances' type (a generic record: none)
    std::vector<FieldInfo> fields;         // own fields, in order
    std::vector<std::string> type_params;  // generic records
    // A generic record's instances that the program's types name (`Box<int>`), each with its
    // fields' types; emit defines one C++ specialization per entry.
    struct Specialization {
        TypeId type;
        std::vector<TypeId> fields;
    };
    std::vector<Specialization> specializations;
    std::set<std::string> overridden;      // method names a subclass redefines (virtual)
    std::size_t position = 0;              // the statement's index in the module
    std::uint32_t module = 0;              // the file defining it

    bool is_record() const { return kind == Kind::record; }
    bool is_class() const { return kind != Kind::record; }
    bool derives_from(const ClassInfo* other) const {
        for (const ClassInfo* c = this; c != nullptr; c = c->parent) {
            if (c == other) return true;
        }
        return false;
    }
    // A field of this class or of an ancestor.
    const FieldInfo* find_field(const std::string& field_name) const {
        for (const ClassInfo* c = this; c != nullptr; c = c->parent) {
            for (const FieldInfo& f : c->fields) {
                if (f.name == field_name) return &f;
            }
        }
        return nullptr;
    }
};

}  // namespace pyro2cpp::sema
