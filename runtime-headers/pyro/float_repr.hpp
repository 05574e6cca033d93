// How a Pyro float prints: exactly as Python's repr(float).
//
// The digits are the shortest that read back to the same double (std::to_chars finds them);
// the layout is Python's: positional notation while the decimal exponent is in [-4, 16),
// with ".0" added to integral values (`4.0`, `123456789.0`, `0.0001`), otherwise scientific
// with a signed exponent of at least two digits (`1e-05`, `2.5e-05`, `1e+16`,
// `1.2345678901234568e+17`). Non-finite values print `inf`, `-inf` and `nan`, zero keeps its
// sign (`-0.0`). Python's rule and not printf's %g or fmt's `{}`, which pick by length.
#pragma once

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <system_error>

namespace pyro::rt {

// Lays out significant digits d1 d2 ... (no sign, no point) with decimal exponent `exp`
// (the value is d1.d2... * 10**exp) as Python does: scientific `d1.d2...e+XX`, or positional
// with at least one digit after the point. Shared with the f-string formatting of floats.
template <class Out>
void append_float_layout(Out& out, std::string_view digits, int exp, bool scientific) {
    const auto put = [&out](std::string_view piece) {
        out.append(piece.data(), piece.data() + piece.size());
    };
    const std::size_t n = digits.size();
    if (scientific) {
        out.push_back(digits[0]);
        if (n > 1) {
            out.push_back('.');
            put(digits.substr(1));
        }
        out.push_back('e');
        out.push_back(exp < 0 ? '-' : '+');
        const int mag = exp < 0 ? -exp : exp;
        if (mag < 10) {
            out.push_back('0');
        }
        char exp_digits[4];
        const auto exp_end = std::to_chars(exp_digits, exp_digits + sizeof exp_digits, mag).ptr;
        put(std::string_view(exp_digits, static_cast<std::size_t>(exp_end - exp_digits)));
    } else if (exp < 0) {
        put("0.");
        for (int i = -1; i > exp; --i) {
            out.push_back('0');
        }
        put(digits);
    } else {
        const auto int_digits = static_cast<std::size_t>(exp) + 1;
        if (n <= int_digits) {
            put(digits);
            for (std::size_t i = n; i < int_digits; ++i) {
                out.push_back('0');
            }
            put(".0");
        } else {
            put(digits.substr(0, int_digits));
            out.push_back('.');
            put(digits.substr(int_digits));
        }
    }
}

template <class Out>
void append_float_repr(Out& out, double d) {
    const auto put = [&out](std::string_view piece) {
        out.append(piece.data(), piece.data() + piece.size());
    };
    if (std::isnan(d)) {
        put("nan");
        return;
    }
    if (std::isinf(d)) {
        put(d < 0 ? "-inf" : "inf");
        return;
    }
    // Scientific form of the shortest round-trip digits: [-]d[.ddd]e(+|-)XX.
    char sci[32];
    const auto res = std::to_chars(sci, sci + sizeof sci, d, std::chars_format::scientific);
    const std::string_view text(sci, static_cast<std::size_t>(res.ptr - sci));
    const std::size_t e_pos = text.find('e');
    std::string_view mantissa = text.substr(0, e_pos);
    int exp = 0;
    std::from_chars(text.data() + e_pos + 2, text.data() + text.size(), exp);
    if (text[e_pos + 1] == '-') {
        exp = -exp;
    }
    if (mantissa.front() == '-') {
        out.push_back('-');
        mantissa.remove_prefix(1);
    }
    char digits[20];  // at most 17 significant digits
    std::size_t n = 0;
    for (const char c : mantissa) {
        if (c != '.') {
            digits[n++] = c;
        }
    }
    append_float_layout(out, std::string_view(digits, n), exp, exp < -4 || exp >= 16);
}

inline std::string float_repr(double d) {
    std::string out;
    append_float_repr(out, d);
    return out;
}

}  // namespace pyro::rt
