// rt::SharedTable<Table>: the table an immutable Set or Dict holds. Copies share it (O(1)
// copies, which is what makes the immutable kinds cheap to pass around); an empty one holds
// nothing and reads as one static empty table, so `set()` and `{}` allocate nothing.
#pragma once

#include <memory>
#include <utility>

namespace pyro::rt {

template <class Table>
class SharedTable {
public:
    SharedTable() noexcept = default;
    explicit SharedTable(Table table)
        : table_(table.empty() ? nullptr : std::make_shared<const Table>(std::move(table))) {}

    const Table& get() const noexcept { return table_ ? *table_ : empty_table(); }
    // The same table (so equal without comparing entries).
    bool shares(const SharedTable& other) const noexcept { return table_ == other.table_; }

private:
    static const Table& empty_table() noexcept {
        static const Table empty;
        return empty;
    }

    std::shared_ptr<const Table> table_;
};

}  // namespace pyro::rt
