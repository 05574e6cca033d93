// The loader of a program's files (transpiler/modules.cpp): run order, each file once,
// cycles, namespaces, and paths relative to the importing file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "modules.hpp"

using namespace pyro2cpp;
namespace fs = std::filesystem;

namespace {

// A scratch directory of .pyro files, removed at the end of the test.
struct Files {
    fs::path dir = fs::temp_directory_path() / "pyro2cpp_modules_test";
    Files() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Files() { fs::remove_all(dir); }
    std::string write(const std::string& name, const std::string& text) {
        const fs::path path = dir / name;
        fs::create_directories(path.parent_path());
        std::ofstream(path) << text;
        return path.string();
    }
};

std::vector<std::string> names(const LoadedProgram& program) {
    std::vector<std::string> out;
    for (const LoadedModule& m : program.modules)
        out.push_back(fs::path(m.file->path).filename().string() + "=" + m.cpp_namespace);
    return out;
}

}  // namespace

TEST_CASE("modules: imported paths are relative to the importing file") {
    CHECK(imported_path("main.pyro", "lib.pyro") == "lib.pyro");
    CHECK(imported_path("src/main.pyro", "lib/util.pyro") == "src/lib/util.pyro");
    CHECK(imported_path("src/lib/a.pyro", "../b.pyro") == "src/b.pyro");
    CHECK(imported_path("/x/main.pyro", "./y.pyro") == "/x/y.pyro");
    CHECK(imported_path("src/main.pyro", "/abs/z.pyro") == "/abs/z.pyro");
}

TEST_CASE("modules: a diamond runs each file once, depth first, the main file last") {
    Files files;
    files.write("c.pyro", "print(3)\n");
    files.write("sub/a.pyro", "import \"../c.pyro\"\n");
    files.write("b.pyro", "import \"c.pyro\"\nimport \"sub/a.pyro\"\n");
    const std::string main = files.write("main.pyro", "import \"sub/a.pyro\"\nimport \"b.pyro\"\n");
    SourceManager sources;
    DiagnosticSink diags;
    LoadedProgram program = load_program(main, sources, diags);
    REQUIRE(program.ok);
    CHECK(names(program) == std::vector<std::string>{"c.pyro=c_pyro", "a.pyro=a_pyro",
                                                     "b.pyro=b_pyro", "main.pyro=pyro_program"});
    CHECK(sources.size() == 4);  // c.pyro read once
    // Imports as indexes in run order: main imports a (1) and b (2); b imports c and a.
    CHECK(program.modules[3].imports == std::vector<std::uint32_t>{1, 2});
    CHECK(program.modules[2].imports == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("modules: a cycle's back edge is skipped for running, kept for names") {
    Files files;
    files.write("a.pyro", "import \"b.pyro\"\n");
    files.write("b.pyro", "import \"a.pyro\"\n");
    const std::string main = files.write("main.pyro", "import \"a.pyro\"\n");
    SourceManager sources;
    DiagnosticSink diags;
    LoadedProgram program = load_program(main, sources, diags);
    REQUIRE(program.ok);
    CHECK(names(program) ==
          std::vector<std::string>{"b.pyro=b_pyro", "a.pyro=a_pyro", "main.pyro=pyro_program"});
    CHECK(program.modules[0].imports == std::vector<std::uint32_t>{1});  // b sees a
}

TEST_CASE("modules: namespaces are C++ names, unique in the program") {
    Files files;
    files.write("x/util.pyro", "");
    files.write("y/util.pyro", "");
    files.write("my-lib.pyro", "");
    files.write("2d.pyro", "");
    const std::string main = files.write(
        "main.pyro",
        "import \"x/util.pyro\"\nimport \"y/util.pyro\"\nimport \"my-lib.pyro\"\nimport "
        "\"2d.pyro\"\n");
    SourceManager sources;
    DiagnosticSink diags;
    LoadedProgram program = load_program(main, sources, diags);
    REQUIRE(program.ok);
    CHECK(names(program) == std::vector<std::string>{"util.pyro=util_pyro", "util.pyro=util_pyro_2",
                                                     "my-lib.pyro=my_lib_pyro", "2d.pyro=m2d_pyro",
                                                     "main.pyro=pyro_program"});
}

TEST_CASE("modules: a missing file is an error at its import") {
    Files files;
    const std::string main = files.write("main.pyro", "print(1)\nimport \"gone.pyro\"\n");
    SourceManager sources;
    DiagnosticSink diags;
    LoadedProgram program = load_program(main, sources, diags);
    CHECK_FALSE(program.ok);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].loc.line == 2);
    CHECK(diags.all()[0].message.starts_with("cannot import 'gone.pyro' (read as '"));
}
