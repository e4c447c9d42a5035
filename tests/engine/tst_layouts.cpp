// Layout presets: the JSON files, their validation, and the built-in copies.
#include "engine_internal/compositor.h"
#include "engine_internal/layout_library.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Layout::slots and Composition::slots meet Qt's `slots` keyword macro: the suite uses Q_SLOTS.
#undef slots
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <tuple>

using namespace hntt::engine;

namespace {

const std::filesystem::path kLayoutsDir = HNTT_SOURCE_DIR "/resources/layouts";

const std::vector<std::string> kPresets = {"single",   "pip",      "side-by-side", "grid-2x2", "grid-3x3",
                                           "grid-4x4", "grid-5x5", "focus-1+5",    "focus-1+7"};

QString describe(const Rect& r) {
    return QStringLiteral("(%1, %2, %3, %4)").arg(r.x).arg(r.y).arg(r.w).arg(r.h);
}

QString joined(const std::vector<std::string>& v) {
    QStringList l;
    for (const auto& s : v)
        l << QString::fromStdString(s);
    return l.join(QLatin1String("; "));
}

// How many slots cover each pixel of a width x height canvas.
std::vector<int> coverage(const Layout& l, int width, int height) {
    std::vector<int> count(static_cast<std::size_t>(width) * height, 0);
    for (const Rect& r : l.rects) {
        const PixelRect p = toPixelRect(r, width, height);
        for (int y = p.y; y < p.y + p.h; ++y)
            for (int x = p.x; x < p.x + p.w; ++x)
                ++count[static_cast<std::size_t>(y) * width + x];
    }
    return count;
}

bool writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestLayouts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filesLoadCleanly() {
        const LayoutLibrary lib(kLayoutsDir);
        QVERIFY2(lib.errors().empty(), qPrintable(joined(lib.errors())));
        QVERIFY2(lib.builtInNames().empty(), qPrintable("not from files: " + joined(lib.builtInNames())));
        for (const std::string& name : kPresets)
            QVERIFY2(lib.find(name), name.c_str());
        // Presets come first, in picker order.
        const std::vector<std::string> names = lib.names();
        QVERIFY(names.size() >= kPresets.size());
        QCOMPARE(std::vector<std::string>(names.begin(), names.begin() + kPresets.size()), kPresets);
    }

    void defaultFolderIsTheSourceTree() {
        const LayoutLibrary lib;
        QVERIFY2(lib.errors().empty(), qPrintable(joined(lib.errors())));
        QVERIFY(lib.builtInNames().empty());
        QCOMPARE(std::filesystem::weakly_canonical(LayoutLibrary::defaultFolder()),
                 std::filesystem::weakly_canonical(kLayoutsDir));
    }

    void builtInEqualsFiles() {
        const std::vector<Layout>& builtIn = LayoutLibrary::builtInLayouts();
        QCOMPARE(builtIn.size(), kPresets.size());
        const LayoutLibrary files(kLayoutsDir);
        for (const Layout& b : builtIn) {
            QVERIFY2(std::filesystem::exists(kLayoutsDir / (b.name + ".json")),
                     (b.name + ".json is missing").c_str());
            const Layout* f = files.find(b.name);
            QVERIFY2(f, b.name.c_str());
            QCOMPARE(f->rects.size(), b.rects.size());
            for (std::size_t i = 0; i < b.rects.size(); ++i)
                QVERIFY2(f->rects[i] == b.rects[i],
                         qPrintable(QString::fromStdString(b.name) + " slot " + QString::number(i) +
                                    ": file " + describe(f->rects[i]) + " vs built-in " +
                                    describe(b.rects[i])));
        }
        // Every file of the folder is a built-in preset too, so the fallback lacks nothing.
        for (const Layout& f : files.all())
            QVERIFY2(std::any_of(builtIn.begin(), builtIn.end(),
                                 [&](const Layout& b) { return b.name == f.name; }),
                     f.name.c_str());
    }

    void missingFolderFallsBackToBuiltIn() {
        const LayoutLibrary lib(std::filesystem::path("/nonexistent/hntt-layouts"));
        QVERIFY(lib.errors().empty());
        QCOMPARE(lib.names(), kPresets);
        QCOMPARE(lib.builtInNames().size(), kPresets.size());
        QCOMPARE(LayoutLibrary::builtIn().names(), kPresets);
        QVERIFY(lib.find("grid-3x3"));
        QCOMPARE(lib.find("grid-3x3")->rects.size(), std::size_t{9});
        QVERIFY(!lib.find("grid-6x6"));
    }

    void gridsTileTheCanvasExactly_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        for (int n = 2; n <= 5; ++n) {
            QTest::addRow("%dx%d on 1920x1080", n, n) << n << 1920 << 1080;
            QTest::addRow("%dx%d on 1280x720", n, n) << n << 1280 << 720;
        }
    }
    void gridsTileTheCanvasExactly() {
        QFETCH(int, n);
        QFETCH(int, width);
        QFETCH(int, height);
        const LayoutLibrary lib(kLayoutsDir);
        const std::string name = "grid-" + std::to_string(n) + "x" + std::to_string(n);
        const Layout* l = lib.find(name);
        QVERIFY(l);
        QCOMPARE(l->rects.size(), static_cast<std::size_t>(n * n));
        double area = 0;
        for (int i = 0; i < n * n; ++i) {
            const Rect& r = l->rects[static_cast<std::size_t>(i)];
            // Row-major, equal tiles.
            QVERIFY2(std::abs(r.x - (i % n) / double(n)) < 1e-12, qPrintable(describe(r)));
            QVERIFY2(std::abs(r.y - (i / n) / double(n)) < 1e-12, qPrintable(describe(r)));
            QVERIFY2(std::abs(r.w - 1.0 / n) < 1e-12 && std::abs(r.h - 1.0 / n) < 1e-12,
                     qPrintable(describe(r)));
            area += r.w * r.h;
        }
        QVERIFY(std::abs(area - 1.0) < 1e-9);
        // In pixels every pixel belongs to exactly one slot, and every edge is even.
        const std::vector<int> cov = coverage(*l, width, height);
        const auto wrong = std::count_if(cov.begin(), cov.end(), [](int c) { return c != 1; });
        QVERIFY2(wrong == 0, qPrintable(QString::number(wrong) + " pixels not covered exactly once"));
        for (const Rect& r : l->rects) {
            const PixelRect p = toPixelRect(r, width, height);
            QVERIFY(p.x % 2 == 0 && p.y % 2 == 0 && p.w % 2 == 0 && p.h % 2 == 0);
        }
    }

    void focusLayouts() {
        const LayoutLibrary lib(kLayoutsDir);
        for (auto [name, cells, slots] : {std::tuple{"focus-1+5", 3, 6}, std::tuple{"focus-1+7", 4, 8}}) {
            const Layout* l = lib.find(name);
            QVERIFY2(l, name);
            QCOMPARE(l->rects.size(), static_cast<std::size_t>(slots));
            const Rect& big = l->rects[0];
            QVERIFY(big.x == 0 && big.y == 0);
            QVERIFY(std::abs(big.w - (cells - 1.0) / cells) < 1e-12);
            QVERIFY(std::abs(big.h - (cells - 1.0) / cells) < 1e-12);
            for (std::size_t i = 1; i < l->rects.size(); ++i) {
                QVERIFY(std::abs(l->rects[i].w - 1.0 / cells) < 1e-12);
                QVERIFY(std::abs(l->rects[i].h - 1.0 / cells) < 1e-12);
            }
            const std::vector<int> cov = coverage(*l, 1920, 1080);
            QVERIFY2(std::all_of(cov.begin(), cov.end(), [](int c) { return c == 1; }), name);
        }
    }

    void pipAndSideBySide() {
        const LayoutLibrary lib(kLayoutsDir);
        const Layout* pip = lib.find("pip");
        QVERIFY(pip);
        QCOMPARE(pip->rects.size(), std::size_t{2});
        QCOMPARE(pip->rects[0], (Rect{0, 0, 1, 1}));
        const Rect& inset = pip->rects[1];
        QVERIFY(inset.x > 0.5 && inset.y > 0.5); // bottom right
        QVERIFY(inset.x + inset.w < 1 && inset.y + inset.h < 1);
        QVERIFY(inset.w <= 0.34 && inset.h <= 0.34);
        const PixelRect ip = toPixelRect(inset, 1920, 1080);
        QVERIFY(std::abs(double(ip.w) / ip.h - 16.0 / 9) < 0.02); // a 16:9 inset on a 16:9 canvas

        const Layout* sbs = lib.find("side-by-side");
        QVERIFY(sbs);
        QCOMPARE(sbs->rects.size(), std::size_t{2});
        const PixelRect a = toPixelRect(sbs->rects[0], 1920, 1080),
                        b = toPixelRect(sbs->rects[1], 1920, 1080);
        QCOMPARE(a, (PixelRect{0, 270, 960, 540}));
        QCOMPARE(b, (PixelRect{960, 270, 960, 540}));
    }

    void badFilesAreReportedAndGoodOnesKept() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString d = dir.path() + '/';
        QVERIFY(writeFile(d + "custom.json", R"({"name": "my-wall", "slots": [{"x":0,"y":0,"w":0.5,"h":1},
                                                                          {"x":0.5,"y":0,"w":0.5,"h":1}]})"));
        QVERIFY(writeFile(d + "single.json",
                          R"({"name": "single", "slots": [{"x":0.1,"y":0.1,"w":0.8,"h":0.8}]})"));
        QVERIFY(writeFile(d + "broken.json", R"({"name": "broken", "slots": [)"));
        QVERIFY(writeFile(d + "outside.json",
                          R"({"name": "outside", "slots": [{"x":0.6,"y":0,"w":0.5,"h":1}]})"));
        QVERIFY(writeFile(d + "zero.json", R"({"name": "zero", "slots": [{"x":0,"y":0,"w":0,"h":1}]})"));
        QVERIFY(writeFile(d + "noname.json", R"({"slots": [{"x":0,"y":0,"w":1,"h":1}]})"));
        QVERIFY(writeFile(d + "noslots.json", R"({"name": "noslots", "slots": []})"));
        QVERIFY(writeFile(d + "text.json", R"({"name": "text", "slots": [{"x":"0","y":0,"w":1,"h":1}]})"));
        QVERIFY(writeFile(d + "array.json", R"([1, 2, 3])"));
        QVERIFY(writeFile(d + "twin.json", R"({"name": "my-wall", "slots": [{"x":0,"y":0,"w":1,"h":1}]})"));
        QByteArray many = R"({"name": "many", "slots": [)";
        for (int i = 0; i < 65; ++i)
            many += QByteArray(i ? "," : "") + R"({"x":0,"y":0,"w":0.1,"h":0.1})";
        QVERIFY(writeFile(d + "many.json", many + "]}"));
        QVERIFY(writeFile(d + "notes.txt", "not a layout"));

        const LayoutLibrary lib(std::filesystem::path(dir.path().toStdString()));
        const QString errors = joined(lib.errors());
        qInfo().noquote() << "reported:" << errors;
        QCOMPARE(lib.errors().size(), std::size_t{9});
        auto reported = [&](const char* file, const char* reason) {
            for (const std::string& e : lib.errors())
                if (e.rfind(std::string(file) + ": ", 0) == 0 && e.find(reason) != std::string::npos)
                    return true;
            return false;
        };
        QVERIFY2(reported("broken.json", "not valid JSON"), qPrintable(errors));
        QVERIFY2(reported("outside.json", "outside the canvas"), qPrintable(errors));
        QVERIFY2(reported("zero.json", "must be positive"), qPrintable(errors));
        QVERIFY2(reported("noname.json", "\"name\" is missing"), qPrintable(errors));
        QVERIFY2(reported("noslots.json", "at least one slot"), qPrintable(errors));
        QVERIFY2(reported("text.json", "slot 0: \"x\" is missing or not a number"), qPrintable(errors));
        QVERIFY2(reported("array.json", "must be an object"), qPrintable(errors));
        QVERIFY2(reported("twin.json", "already used by custom.json"), qPrintable(errors));
        QVERIFY2(reported("many.json", "at most 64"), qPrintable(errors));

        // The good ones are kept: the custom layout, the overridden preset, and the other presets.
        const Layout* wall = lib.find("my-wall");
        QVERIFY(wall);
        QCOMPARE(wall->rects.size(), std::size_t{2});
        QCOMPARE(lib.find("single")->rects[0], (Rect{0.1, 0.1, 0.8, 0.8}));
        for (const std::string& name : kPresets)
            QVERIFY2(lib.find(name), name.c_str());
        QVERIFY(!lib.find("broken") && !lib.find("outside") && !lib.find("many"));
        QCOMPARE(lib.names().back(), std::string("my-wall")); // custom layouts after the presets
    }

    void parseAndValidate() {
        std::string error;
        QVERIFY(!LayoutLibrary::parse("{", &error));
        QVERIFY2(error.find("not valid JSON") != std::string::npos, error.c_str());
        QVERIFY(!LayoutLibrary::parse(R"({"name": "", "slots": [{"x":0,"y":0,"w":1,"h":1}]})", &error));
        QCOMPARE(error, std::string("the name is empty"));
        QVERIFY(
            !LayoutLibrary::parse(R"({"name": "neg", "slots": [{"x":-0.1,"y":0,"w":0.5,"h":1}]})", &error));
        QVERIFY2(error.find("slot 0 (x=-0.1") != std::string::npos, error.c_str());

        const auto ok = LayoutLibrary::parse(R"({"name": "two", "note": "extra keys are fine",
            "slots": [{"x":0,"y":0,"w":0.5,"h":1}, {"x":0.5,"y":0,"w":0.5,"h":1}]})");
        QVERIFY(ok);
        QCOMPARE(ok->name, std::string("two"));
        QCOMPARE(ok->rects[1], (Rect{0.5, 0, 0.5, 1}));

        QVERIFY(LayoutLibrary::validate({"x", {{0, 0, 1, 1}}}).empty());
        QVERIFY(!LayoutLibrary::validate({"x", {{0, 0, 1, std::nan("")}}}).empty());
        QVERIFY(!LayoutLibrary::validate({"x", {{0.5, 0.5, 0.5, 0.6}}}).empty());
        QVERIFY(!LayoutLibrary::validate({std::string(65, 'a'), {{0, 0, 1, 1}}}).empty());
        for (const Layout& l : LayoutLibrary::builtInLayouts())
            QVERIFY2(LayoutLibrary::validate(l).empty(), l.name.c_str());
    }

    void embeddedDocumentsReplaceBuiltIns() {
        LayoutLibrary lib = LayoutLibrary::builtIn();
        QVERIFY(lib.addJson(
            R"({"name": "pip", "slots": [{"x":0,"y":0,"w":1,"h":1},{"x":0,"y":0,"w":0.2,"h":0.2}]})",
            ":/layouts/pip.json"));
        QCOMPARE(lib.find("pip")->rects[1], (Rect{0, 0, 0.2, 0.2}));
        QCOMPARE(lib.builtInNames().size(), kPresets.size() - 1);
        QVERIFY(
            !lib.addJson(R"({"name": "pip", "slots": [{"x":0,"y":0,"w":1,"h":1}]})", ":/layouts/pip2.json"));
        QCOMPARE(lib.errors().size(), std::size_t{1});
        QVERIFY(lib.errors()[0].find(":/layouts/pip2.json: ") == 0);
        QCOMPARE(lib.names(), kPresets); // order unchanged
    }
};

QTEST_GUILESS_MAIN(TestLayouts)
#include "tst_layouts.moc"
