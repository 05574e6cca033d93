// pyro::rt::Ring<T>: the FIFO buffer of a buffered channel.
//
// A ring of power-of-two storage that grows by doubling when full, so `chan(1_000_000)` costs
// nothing until values actually queue up; the channel, not the ring, enforces the capacity.
// Elements need only be movable (no default constructor): slots are raw storage.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <utility>

namespace pyro::rt {

template <class T>
class Ring {
public:
    Ring() = default;
    Ring(const Ring&) = delete;
    Ring& operator=(const Ring&) = delete;
    ~Ring() {
        while (size_ != 0) {
            pop();
        }
        if (data_ != nullptr) {
            std::allocator<T>().deallocate(data_, storage_);
        }
    }

    bool empty() const noexcept { return size_ == 0; }
    std::size_t size() const noexcept { return size_; }

    void push(T&& value) {
        if (size_ == storage_) {
            grow();
        }
        ::new (static_cast<void*>(data_ + ((head_ + size_) & (storage_ - 1)))) T(std::move(value));
        ++size_;
    }

    T pop() noexcept {
        T* slot = data_ + head_;
        T value = std::move(*slot);
        std::destroy_at(slot);
        head_ = (head_ + 1) & (storage_ - 1);
        --size_;
        return value;
    }

private:
    void grow() {
        const std::size_t bigger = storage_ == 0 ? 4 : storage_ * 2;
        T* data = std::allocator<T>().allocate(bigger);
        for (std::size_t i = 0; i < size_; ++i) {
            T* from = data_ + ((head_ + i) & (storage_ - 1));
            ::new (static_cast<void*>(data + i)) T(std::move(*from));
            std::destroy_at(from);
        }
        if (data_ != nullptr) {
            std::allocator<T>().deallocate(data_, storage_);
        }
        data_ = data;
        storage_ = bigger;
        head_ = 0;
    }

    T* data_ = nullptr;
    std::size_t storage_ = 0;  // a power of two, or 0
    std::size_t head_ = 0;
    std::size_t size_ = 0;
};

}  // namespace pyro::rt
