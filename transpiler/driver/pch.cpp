// Building the precompiled header. GCC, looking for <pyro/pyro.hpp> in an include directory,
// first tries pyro/pyro.hpp.gch there. Beside the .gch sits a one-line pyro/pyro.hpp that
// includes the real header by absolute path: GCC 12 needs a file of that name when a later
// runtime header includes <pyro/pyro.hpp> again (else "No such file"), and it is what gets
// compiled if the .gch is ever rejected.
#include "driver/pch.hpp"

#include <iostream>
#include <system_error>

#include "driver/cache.hpp"
#include "driver/errors.hpp"
#include "driver/files.hpp"
#include "driver/version.hpp"

namespace pyro2cpp::driver {

namespace fs = std::filesystem;

namespace {

std::string pch_key(const Compiler& compiler, const std::vector<std::string>& flags,
                    const fs::path& runtime_dir) {
    Hasher h;
    h.add("pch").add(version_string()).add(compiler.path).add(compiler.version);
    for (const std::string& f : flags)
        h.add(f);
    h.add(runtime_dir.string()).add(runtime_headers_digest(runtime_dir));
    return h.hex();
}

}  // namespace

fs::path ensure_pch(const Cache& cache, const Compiler& compiler, const BuildFlags& flags,
                    const fs::path& runtime_dir, bool verbose) {
    if (!compiler.is_gcc) return {};
    std::vector<std::string> codegen = codegen_flags(flags);
    std::string key = pch_key(compiler, codegen, runtime_dir);
    fs::path entry = cache.pch_dir(key);
    fs::path gch = entry / "pyro" / "pyro.hpp.gch";
    std::error_code ec;
    if (fs::is_regular_file(gch, ec)) return entry;

    // Building takes seconds and every concurrent builder would build the same file: let one
    // build while the others wait, then find it done.
    FileLock lock(cache.lock_path("pch-" + key));
    if (fs::is_regular_file(gch, ec)) return entry;

    TempDir work = cache.new_work_dir();
    ensure_dir(work.path() / "pyro");
    fs::path header = runtime_dir / "pyro" / "pyro.hpp";
    CompileJob job;
    job.args = codegen;
    job.args.insert(job.args.end(),
                    {"-I" + runtime_dir.string(), "-x", "c++-header", header.string(), "-o",
                     (work.path() / "pyro" / "pyro.hpp.gch").string()});
    job.stderr_file = work.path() / "stderr";
    job.verbose = verbose;
    CompileOutcome outcome = run_compiler(compiler, job);
    if (outcome.status != 0) {
        std::cerr << outcome.messages;
        throw DriverError("the runtime header " + header.string() + " does not compile");
    }
    // GCC 12 warns "#pragma once in main file" when compiling a header on its own; that and
    // anything else it says about a header that did compile is noise to the user.
    write_file_atomic(work.path() / "pyro" / "pyro.hpp",
                      "// Stands beside pyro.hpp.gch; see pyro2cpp's driver/pch.cpp.\n#include \"" +
                          header.string() + "\"\n");
    cache.publish(work, entry);
    return entry;
}

}  // namespace pyro2cpp::driver
