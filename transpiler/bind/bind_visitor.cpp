// The Clang side of `pyro2cpp bind`: run Clang's front end over a header with LibTooling and
// turn each free function it declares into a CppFunction. Every Clang header the tool needs is
// included here and nowhere else, because each file that includes them takes ~15 s to compile;
// deciding what the types mean for Pyro is left to type_map.cpp, which needs no Clang.
#include "bind/bind_visitor.hpp"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/QualTypeNames.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <utility>

namespace pyro2cpp::bind {
namespace {

namespace fs = std::filesystem;

// Clang writes `const char *`, `std::string &` and `char *const`; the messages use the repo's
// style: `const char*`, `std::string&`, `char* const`.
std::string tidy_spelling(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool next_is_sigil =
            i + 1 < text.size() && (text[i + 1] == '*' || text[i + 1] == '&');
        if (text[i] == ' ' && next_is_sigil) continue;
        out += text[i];
        const bool sigil = text[i] == '*' || text[i] == '&';
        if (sigil && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
            out += ' ';
        }
    }
    return out;
}

bool is_std_template(const clang::ClassTemplateSpecializationDecl* spec, llvm::StringRef name) {
    return spec->isInStdNamespace() && spec->getName() == name;
}

bool is_plain_char(clang::QualType type) {
    const auto* builtin = type.getCanonicalType()->getAs<clang::BuiltinType>();
    return builtin && (builtin->getKind() == clang::BuiltinType::Char_S ||
                       builtin->getKind() == clang::BuiltinType::Char_U);
}

// std::allocator<...>, the only allocator whose containers map to Pyro lists and strings.
bool is_std_allocator(const clang::TemplateArgument& arg) {
    if (arg.getKind() != clang::TemplateArgument::Type) return false;
    const auto* record = arg.getAsType()->getAsCXXRecordDecl();
    const auto* spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(record);
    return spec && is_std_template(spec, "allocator");
}

class TypeDescriber {
public:
    explicit TypeDescriber(const clang::ASTContext& context)
        : context_(context), policy_(context.getPrintingPolicy()) {
        policy_.SuppressUnwrittenScope = true;  // no "(anonymous namespace)::" in messages
    }

    CppType describe(clang::QualType type) const {
        CppType out;
        out.spelling =
            tidy_spelling(clang::TypeName::getFullyQualifiedName(type, context_, policy_));
        const clang::QualType canonical = type.getCanonicalType();
        out.is_const = canonical.isConstQualified();
        // getAs<> keeps the sugar above the pointer or reference, so the pointee is spelled as
        // written (`std::string`, not `std::basic_string<char>`).
        if (const auto* ref = type->getAs<clang::LValueReferenceType>()) {
            out.kind = CppTypeKind::lvalue_reference;
            out.args.push_back(describe(ref->getPointeeType()));
        } else if (const auto* rref = type->getAs<clang::RValueReferenceType>()) {
            out.kind = CppTypeKind::rvalue_reference;
            out.args.push_back(describe(rref->getPointeeType()));
        } else if (const auto* ptr = type->getAs<clang::PointerType>()) {
            out.kind = CppTypeKind::pointer;
            out.args.push_back(describe(ptr->getPointeeType()));
        } else if (const auto* builtin = canonical->getAs<clang::BuiltinType>()) {
            out.kind = builtin_kind(*builtin);
        } else if (canonical->isEnumeralType()) {
            out.kind = CppTypeKind::enumeration;
        } else if (const auto* record = canonical->getAsCXXRecordDecl()) {
            describe_record(type, *record, out);
        } else if (canonical->isRecordType()) {
            out.kind = CppTypeKind::record;
        }
        return out;
    }

private:
    static CppTypeKind builtin_kind(const clang::BuiltinType& builtin) {
        switch (builtin.getKind()) {
            case clang::BuiltinType::Void:
                return CppTypeKind::void_;
            case clang::BuiltinType::Bool:
                return CppTypeKind::bool_;
            case clang::BuiltinType::Char_S:
            case clang::BuiltinType::Char_U:
                return CppTypeKind::char_;
            case clang::BuiltinType::Float:
            case clang::BuiltinType::Double:
                return CppTypeKind::floating;
            default:
                return builtin.isInteger() ? CppTypeKind::integral : CppTypeKind::other;
        }
    }

    // std::string, std::string_view and std::vector are recognised by their templates, not by
    // name, so aliases (`using Names = std::vector<std::string>`) map too, and other
    // instantiations (std::u16string, std::pmr::vector) do not.
    void describe_record(clang::QualType type, const clang::CXXRecordDecl& record,
                         CppType& out) const {
        out.kind = CppTypeKind::record;
        const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(&record);
        if (!spec) return;
        const clang::TemplateArgumentList& args = spec->getTemplateArgs();
        const auto first_is_char = [&] {
            return args.size() >= 1 && args[0].getKind() == clang::TemplateArgument::Type &&
                   is_plain_char(args[0].getAsType());
        };
        if (is_std_template(spec, "basic_string") && args.size() == 3 && first_is_char() &&
            is_std_allocator(args[2])) {
            out.kind = CppTypeKind::std_string;
        } else if (is_std_template(spec, "basic_string_view") && first_is_char()) {
            out.kind = CppTypeKind::std_string_view;
        } else if (is_std_template(spec, "vector") && args.size() == 2 &&
                   args[0].getKind() == clang::TemplateArgument::Type &&
                   is_std_allocator(args[1])) {
            out.kind = CppTypeKind::std_vector;
            out.args.push_back(describe(vector_element(type, args[0].getAsType())));
        }
    }

    // The element type as the header wrote it (`std::vector<std::string>` names
    // `std::string`), falling back to the canonical argument.
    static clang::QualType vector_element(clang::QualType type, clang::QualType canonical) {
        const auto* written = type->getAs<clang::TemplateSpecializationType>();
        if (written && written->getNumArgs() >= 1 &&
            written->getArg(0).getKind() == clang::TemplateArgument::Type) {
            return written->getArg(0).getAsType();
        }
        return canonical;
    }

    const clang::ASTContext& context_;
    clang::PrintingPolicy policy_;
};

// Walks the namespaces, not the whole AST: free functions live only at namespace scope
// (friends declared inside classes are reachable only through argument-dependent lookup, and
// function bodies hold nothing a Pyro program could name), so classes and bodies are skipped.
class FunctionCollector {
public:
    FunctionCollector(clang::ASTContext& context, fs::path header_dir,
                      std::vector<CppFunction>& out)
        : context_(context), types_(context), header_dir_(std::move(header_dir)), out_(out) {}

    void walk(const clang::DeclContext& scope) {
        for (const clang::Decl* decl : scope.decls()) {
            if (llvm::isa<clang::NamespaceDecl, clang::LinkageSpecDecl, clang::ExportDecl>(decl)) {
                walk(*llvm::cast<clang::DeclContext>(decl));
            } else if (const auto* tmpl = llvm::dyn_cast<clang::FunctionTemplateDecl>(decl)) {
                collect(*tmpl->getTemplatedDecl());
            } else if (const auto* fn = llvm::dyn_cast<clang::FunctionDecl>(decl)) {
                collect(*fn);
            }
        }
    }

private:
    void collect(const clang::FunctionDecl& decl) {
        // Out-of-line member definitions also sit at namespace scope; deduction guides are not
        // functions a program calls; implicit declarations (library builtins) are nobody's.
        if (llvm::isa<clang::CXXMethodDecl, clang::CXXDeductionGuideDecl>(decl) ||
            decl.isImplicit()) {
            return;
        }
        if (!declared_here(decl.getLocation())) return;
        if (!seen_.insert(decl.getCanonicalDecl()).second) return;
        out_.push_back(describe(decl));
    }

    CppFunction describe(const clang::FunctionDecl& decl) const {
        CppFunction fn;
        fn.qualified_name = decl.getQualifiedNameAsString();
        fn.obstacle = obstacle(decl);
        fn.result = types_.describe(decl.getReturnType());
        for (unsigned i = 0; i < decl.getNumParams(); ++i) {
            fn.params.push_back(
                {parameter_name(decl, i), types_.describe(decl.getParamDecl(i)->getType())});
        }
        return fn;
    }

    static Obstacle obstacle(const clang::FunctionDecl& decl) {
        if (decl.getDescribedFunctionTemplate()) return Obstacle::function_template;
        if (decl.getTemplatedKind() != clang::FunctionDecl::TK_NonTemplate) {
            return Obstacle::template_specialization;
        }
        if (decl.isOverloadedOperator() || decl.getLiteralIdentifier()) return Obstacle::operator_;
        if (decl.isInAnonymousNamespace()) return Obstacle::anonymous_namespace;
        if (decl.isDeleted()) return Obstacle::deleted;
        if (decl.isConsteval()) return Obstacle::consteval_;
        if (decl.isVariadic()) return Obstacle::variadic;
        return Obstacle::none;
    }

    // A forward declaration may leave a parameter unnamed that a later declaration names.
    static std::string parameter_name(const clang::FunctionDecl& decl, unsigned index) {
        for (const clang::FunctionDecl* redecl : decl.redecls()) {
            if (index < redecl->getNumParams()) {
                const std::string name = redecl->getParamDecl(index)->getName().str();
                if (!name.empty()) return name;
            }
        }
        return "";
    }

    // Declared in the header itself or a sibling (macro-made declarations count where the
    // macro is used), and not in a system header.
    bool declared_here(clang::SourceLocation loc) {
        const clang::SourceManager& sources = context_.getSourceManager();
        loc = sources.getExpansionLoc(loc);
        if (loc.isInvalid() || sources.isInSystemHeader(loc)) return false;
        const clang::FileID file = sources.getFileID(loc);
        auto [it, inserted] = file_is_here_.try_emplace(file.getHashValue(), false);
        if (inserted) {
            if (const clang::FileEntry* entry = sources.getFileEntryForID(file)) {
                std::error_code error;
                const fs::path path = fs::weakly_canonical(entry->getName().str(), error);
                it->second = !error && path.parent_path() == header_dir_;
            }
        }
        return it->second;
    }

    clang::ASTContext& context_;
    TypeDescriber types_;
    fs::path header_dir_;
    std::vector<CppFunction>& out_;
    std::set<const clang::FunctionDecl*> seen_;
    std::map<unsigned, bool> file_is_here_;
};

class CollectConsumer : public clang::ASTConsumer {
public:
    CollectConsumer(fs::path header_dir, std::vector<CppFunction>& out)
        : header_dir_(std::move(header_dir)), out_(out) {}

    void HandleTranslationUnit(clang::ASTContext& context) override {
        if (context.getDiagnostics().hasErrorOccurred()) return;
        FunctionCollector(context, header_dir_, out_).walk(*context.getTranslationUnitDecl());
    }

private:
    fs::path header_dir_;
    std::vector<CppFunction>& out_;
};

// What newFrontendActionFactory needs to make one CollectConsumer per file (there is one).
struct ConsumerFactory {
    fs::path header_dir;
    std::vector<CppFunction>& out;

    std::unique_ptr<clang::ASTConsumer> newASTConsumer() {
        return std::make_unique<CollectConsumer>(header_dir, out);
    }
};

}  // namespace

std::optional<std::vector<CppFunction>> read_header(const std::string& header,
                                                    const std::vector<std::string>& clang_args) {
    // The header is the main file, parsed as a header (so `#pragma once` is not "in main
    // file"); the resource directory holds Clang's own headers (stddef.h and friends), which
    // Debian's libclang does not find by itself. The user's arguments come last to override.
    std::vector<std::string> args = {"-x", "c++-header", "-std=c++20",
                                     "-resource-dir=" PYRO2CPP_CLANG_RESOURCE_DIR};
    args.insert(args.end(), clang_args.begin(), clang_args.end());
    clang::tooling::FixedCompilationDatabase database(".", args);
    clang::tooling::ClangTool tool(database, {header});
    tool.setPrintErrorMessage(false);  // Clang's own diagnostics say what went wrong
    // One printer for the driver's diagnostics and the compiler's: its error count is the
    // verdict, because the tool's status misses driver errors such as an unknown argument.
    auto options = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
    options->ShowColors = llvm::sys::Process::StandardErrHasColors();
    clang::TextDiagnosticPrinter printer(llvm::errs(), options.get());
    tool.setDiagnosticConsumer(&printer);

    std::error_code error;
    const fs::path header_dir = fs::weakly_canonical(header, error).parent_path();
    std::vector<CppFunction> functions;
    ConsumerFactory consumers{header_dir, functions};
    const auto factory = clang::tooling::newFrontendActionFactory(&consumers);
    if (tool.run(factory.get()) != 0 || printer.getNumErrors() != 0) return std::nullopt;
    return functions;
}

}  // namespace pyro2cpp::bind
