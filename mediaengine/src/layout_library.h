// Layout presets as data: one JSON file per layout, with the same presets built in as a fallback.
#pragma once

#include "hntt/engine/types.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hntt::engine {

// All the layouts a canvas can use. A layout file looks like
//   {"name": "grid-2x2", "slots": [{"x": 0, "y": 0, "w": 0.5, "h": 0.5}, ...]}
// with rects normalised to the canvas, slot 0 first. Bad files are reported in errors() and skipped;
// the good ones are kept. Built-in presets fill in any preset name the folder does not provide, so
// an installed binary without the folder still has every preset.
class LayoutLibrary {
public:
    static constexpr std::size_t kMaxSlots = 64;

    // The layouts of HNTT_LAYOUTS_DIR (the source tree's resources/layouts).
    LayoutLibrary();
    // Every *.json file of `folder`, in file-name order; the built-in presets when it is missing.
    explicit LayoutLibrary(const std::filesystem::path& folder);

    // Only the built-in presets.
    static LayoutLibrary builtIn();
    static const std::vector<Layout>& builtInLayouts();
    static std::filesystem::path defaultFolder();

    // Parses and validates one JSON document; on failure returns nullopt and a readable `error`.
    static std::optional<Layout> parse(std::string_view json, std::string* error = nullptr);
    // Empty when the layout is valid: a name, 1..64 slots, each inside [0,1] with a positive size.
    static std::string validate(const Layout& layout);

    // Adds one document (an embedded resource, say), replacing a built-in preset of the same name;
    // `origin` names it in errors. Returns false (and records the error) when it is invalid.
    bool addJson(std::string_view json, std::string_view origin);

    const Layout* find(std::string_view name) const;
    // Presets in their usual order (single, pip, side-by-side, grids, focus), then others by name.
    const std::vector<Layout>& all() const { return layouts_; }
    std::vector<std::string> names() const;
    // One line per rejected file: "<file>: <reason>".
    const std::vector<std::string>& errors() const { return errors_; }
    // Names that came from the built-in presets rather than from a file.
    const std::vector<std::string>& builtInNames() const { return fromBuiltIn_; }

private:
    struct Empty {};
    explicit LayoutLibrary(Empty) {}
    bool add(Layout layout, std::string_view origin);
    void completeWithBuiltIns();
    void sort();

    std::vector<Layout> layouts_;
    std::map<std::string, std::string, std::less<>> origins_; // name -> the file it came from
    std::vector<std::string> errors_;
    std::vector<std::string> fromBuiltIn_;
};

} // namespace hntt::engine
