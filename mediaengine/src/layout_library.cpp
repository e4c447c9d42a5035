#include "layout_library.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <system_error>

namespace hntt::engine {

namespace fs = std::filesystem;

namespace {

constexpr double kEpsilon = 1e-9; // slack for edges written as 1/3 + 2/3
constexpr std::size_t kMaxNameLength = 64;
constexpr const char* kBuiltInOrigin = "built-in";

// The usual order of presets in a picker.
constexpr std::array<std::string_view, 9> kPresetOrder = {"single",   "pip",       "side-by-side",
                                                          "grid-2x2", "grid-3x3",  "grid-4x4",
                                                          "grid-5x5", "focus-1+5", "focus-1+7"};

// One cell (or a span of cells) of an n x n grid. Computed as col / n etc., the same arithmetic that
// wrote the JSON files, so the built-in presets equal them exactly.
Rect cell(int col, int row, int n, int span = 1) {
    const double d = n;
    return {col / d, row / d, span / d, span / d};
}

Layout grid(int n) {
    Layout l{"grid-" + std::to_string(n) + "x" + std::to_string(n), {}};
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            l.rects.push_back(cell(c, r, n));
    return l;
}

// Slot 0 spans (n-1)x(n-1) cells top-left; the others run down the right column, then along the bottom.
Layout focus(int n) {
    Layout l{"focus-1+" + std::to_string(2 * n - 1), {cell(0, 0, n, n - 1)}};
    for (int r = 0; r < n - 1; ++r)
        l.rects.push_back(cell(n - 1, r, n));
    for (int c = 0; c < n; ++c)
        l.rects.push_back(cell(c, n - 1, n));
    return l;
}

std::vector<Layout> makeBuiltIns() {
    std::vector<Layout> v;
    v.push_back({"single", {{0.0, 0.0, 1.0, 1.0}}});
    v.push_back({"pip", {{0.0, 0.0, 1.0, 1.0}, {0.72, 0.7, 0.25, 0.25}}});
    // Two 16:9 halves, letterboxed on a 16:9 canvas.
    v.push_back({"side-by-side", {{0.0, 0.25, 0.5, 0.5}, {0.5, 0.25, 0.5, 0.5}}});
    for (int n = 2; n <= 5; ++n)
        v.push_back(grid(n));
    v.push_back(focus(3));
    v.push_back(focus(4));
    return v;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::size_t presetRank(std::string_view name) {
    const auto it = std::find(kPresetOrder.begin(), kPresetOrder.end(), name);
    return static_cast<std::size_t>(std::distance(kPresetOrder.begin(), it));
}

} // namespace

LayoutLibrary::LayoutLibrary()
    : LayoutLibrary(defaultFolder()) {}

LayoutLibrary::LayoutLibrary(const fs::path& folder) {
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(folder, ec)) {
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code fileEc;
            if (it->path().extension() == ".json" && it->is_regular_file(fileEc))
                files.push_back(it->path());
        }
        if (ec)
            errors_.push_back(folder.string() + ": cannot list the folder: " + ec.message());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        const std::string origin = file.filename().string();
        std::ifstream in(file, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in && !in.eof()) {
            errors_.push_back(origin + ": cannot be read");
            continue;
        }
        addJson(text, origin);
    }
    completeWithBuiltIns();
    sort();
}

LayoutLibrary LayoutLibrary::builtIn() {
    LayoutLibrary lib{Empty{}};
    lib.completeWithBuiltIns();
    lib.sort();
    return lib;
}

const std::vector<Layout>& LayoutLibrary::builtInLayouts() {
    static const std::vector<Layout> layouts = makeBuiltIns();
    return layouts;
}

fs::path LayoutLibrary::defaultFolder() {
    return HNTT_LAYOUTS_DIR;
}

std::optional<Layout> LayoutLibrary::parse(std::string_view json, std::string* error) {
    auto fail = [error](std::string message) {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json.begin(), json.end());
    } catch (const nlohmann::json::parse_error& e) {
        return fail(std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_object())
        return fail(R"(the document must be an object {"name": ..., "slots": [...]})");
    const auto name = doc.find("name");
    if (name == doc.end() || !name->is_string())
        return fail(R"("name" is missing or not a string)");
    const auto slots = doc.find("slots");
    if (slots == doc.end() || !slots->is_array())
        return fail(R"("slots" is missing or not an array)");

    Layout layout;
    layout.name = name->get<std::string>();
    for (std::size_t i = 0; i < slots->size(); ++i) {
        const nlohmann::json& s = (*slots)[i];
        if (!s.is_object())
            return fail("slot " + std::to_string(i) + R"( is not an object {"x", "y", "w", "h"})");
        double v[4] = {};
        const char* keys[4] = {"x", "y", "w", "h"};
        for (int k = 0; k < 4; ++k) {
            const auto it = s.find(keys[k]);
            if (it == s.end() || !it->is_number())
                return fail("slot " + std::to_string(i) + ": \"" + keys[k] + "\" is missing or not a number");
            v[k] = it->get<double>();
        }
        layout.rects.push_back({v[0], v[1], v[2], v[3]});
    }
    if (std::string problem = validate(layout); !problem.empty())
        return fail(std::move(problem));
    return layout;
}

std::string LayoutLibrary::validate(const Layout& layout) {
    if (layout.name.empty())
        return "the name is empty";
    if (layout.name.size() > kMaxNameLength)
        return "the name is longer than " + std::to_string(kMaxNameLength) + " bytes";
    if (layout.rects.empty())
        return "a layout needs at least one slot";
    if (layout.rects.size() > kMaxSlots)
        return std::to_string(layout.rects.size()) + " slots: at most " + std::to_string(kMaxSlots) +
               " are allowed";
    for (std::size_t i = 0; i < layout.rects.size(); ++i) {
        const Rect& r = layout.rects[i];
        const std::string where = "slot " + std::to_string(i) + " (x=" + number(r.x) + ", y=" + number(r.y) +
                                  ", w=" + number(r.w) + ", h=" + number(r.h) + ")";
        if (!std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.w) || !std::isfinite(r.h))
            return where + ": not a finite number";
        if (r.w <= 0 || r.h <= 0)
            return where + ": the width and height must be positive";
        if (r.x < -kEpsilon || r.y < -kEpsilon || r.x + r.w > 1 + kEpsilon || r.y + r.h > 1 + kEpsilon)
            return where + ": lies outside the canvas [0, 1]";
    }
    return {};
}

bool LayoutLibrary::addJson(std::string_view json, std::string_view origin) {
    std::string error;
    std::optional<Layout> layout = parse(json, &error);
    if (!layout) {
        errors_.push_back(std::string(origin) + ": " + error);
        return false;
    }
    const bool added = add(std::move(*layout), origin);
    sort();
    return added;
}

bool LayoutLibrary::add(Layout layout, std::string_view origin) {
    const auto existing = std::find_if(layouts_.begin(), layouts_.end(),
                                       [&](const Layout& l) { return l.name == layout.name; });
    if (existing != layouts_.end()) {
        const std::string& previous = origins_[layout.name];
        if (previous != kBuiltInOrigin) {
            errors_.push_back(std::string(origin) + ": the name \"" + layout.name + "\" is already used by " +
                              previous);
            return false;
        }
        std::erase(fromBuiltIn_, layout.name);
        origins_[layout.name] = std::string(origin);
        *existing = std::move(layout);
        return true;
    }
    origins_[layout.name] = std::string(origin);
    if (origin == kBuiltInOrigin)
        fromBuiltIn_.push_back(layout.name);
    layouts_.push_back(std::move(layout));
    return true;
}

void LayoutLibrary::completeWithBuiltIns() {
    for (const Layout& l : builtInLayouts())
        if (!find(l.name))
            add(l, kBuiltInOrigin);
}

void LayoutLibrary::sort() {
    std::stable_sort(layouts_.begin(), layouts_.end(), [](const Layout& a, const Layout& b) {
        const std::size_t ra = presetRank(a.name), rb = presetRank(b.name);
        return ra != rb ? ra < rb : a.name < b.name;
    });
}

const Layout* LayoutLibrary::find(std::string_view name) const {
    const auto it =
        std::find_if(layouts_.begin(), layouts_.end(), [&](const Layout& l) { return l.name == name; });
    return it != layouts_.end() ? &*it : nullptr;
}

std::vector<std::string> LayoutLibrary::names() const {
    std::vector<std::string> v;
    v.reserve(layouts_.size());
    for (const Layout& l : layouts_)
        v.push_back(l.name);
    return v;
}

} // namespace hntt::engine
