// Running pyro2cpp-format on the generated C++ (see format.hpp), through temporary files.
#include "driver/format.hpp"

#include <filesystem>
#include <vector>

#include "driver/errors.hpp"
#include "driver/files.hpp"
#include "driver/paths.hpp"
#include "driver/process.hpp"

namespace pyro2cpp::driver {

namespace fs = std::filesystem;

bool wants_format(bool format, bool no_format, bool line_directives) {
    if (format) return true;
    if (no_format || line_directives) return false;
    std::error_code ec;
    return fs::is_regular_file(format_tool(), ec);
}

std::string format_cpp(const std::string& cpp) {
    const fs::path tool = format_tool();
    std::error_code ec;
    if (!fs::is_regular_file(tool, ec)) {
        throw DriverError("--format needs " + tool.string() +
                          ", which is not installed (build pyro2cpp with PYRO2CPP_BUILD_BIND=ON)");
    }
    TempDir scratch(fs::temp_directory_path(), "pyro2cpp-format-");
    const fs::path in = scratch.path() / "in.cpp";
    const fs::path out = scratch.path() / "out.cpp";
    write_file_atomic(in, cpp);
    const int status = run_process({tool.string(), in.string(), out.string()});
    if (status != 0) {
        throw DriverError("pyro2cpp-format failed (exit status " + std::to_string(status) + ")");
    }
    return read_file(out);
}

}  // namespace pyro2cpp::driver
