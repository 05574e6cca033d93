// pyro2cpp-format IN OUT: formats the C++ in IN with clang-format's library, in the style of
// the repository's .clang-format (embedded when pyro2cpp was built), and writes it to OUT.
// `pyro2cpp FILE.pyro` runs it; it lives apart from pyro2cpp so that only formatting loads
// LLVM. C++ with `#line` directives keeps every line's .pyro line (line_sync.hpp); should that
// be impossible, the C++ is written unformatted. Exit status: 0 written, 2 a failure (the
// message on stderr).
#include <clang/Format/Format.h>
#include <clang/Tooling/Core/Replacement.h>
#include <llvm/Support/Error.h>

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "format/line_sync.hpp"
#include "format/style.hpp"

namespace {

int fail(const std::string& message) {
    std::cerr << "pyro2cpp-format: " << message << "\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) return fail("usage: pyro2cpp-format IN.cpp OUT.cpp");
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) return fail(std::string("cannot read ") + argv[1]);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string code = buffer.str();

    clang::format::FormatStyle style = clang::format::getLLVMStyle();
    style.Language = clang::format::FormatStyle::LK_Cpp;
    if (std::error_code ec =
            clang::format::parseConfiguration(pyro2cpp::format::style_yaml, &style)) {
        return fail("the embedded .clang-format style is invalid: " + ec.message());
    }
    const std::vector<clang::tooling::Range> whole{
        clang::tooling::Range(0, static_cast<unsigned>(code.size()))};
    const clang::tooling::Replacements changes =
        clang::format::reformat(style, code, whole, "generated.cpp");
    llvm::Expected<std::string> formatted = clang::tooling::applyAllReplacements(code, changes);
    if (!formatted)
        return fail("cannot apply the formatting: " + llvm::toString(formatted.takeError()));

    std::string result = std::move(*formatted);
    if (code.find("#line ") != std::string::npos) {
        std::optional<std::string> synced = pyro2cpp::format::sync_lines(code, result);
        result = synced ? std::move(*synced) : code;
    }
    std::ofstream out(argv[2], std::ios::binary);
    out << result;
    if (!out.flush()) return fail(std::string("cannot write ") + argv[2]);
    return 0;
}
