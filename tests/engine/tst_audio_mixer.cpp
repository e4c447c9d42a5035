// AudioMixer: program and mix-minus content by tone analysis, gains, ramps, limiter, levels.
#include "engine_internal/audio_mixer.h"
#include "test_support.h"

#include <QTest>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <vector>

using namespace hntt::engine;
using hntt::test::toneAmplitude;

namespace {

constexpr int kRate = 48000;
constexpr int kBlock = 1920; // 25 fps; every test tone below fits a whole number of cycles in it

// A continuous sine per site, block after block.
struct ToneSource {
    double freq = 0;
    double amplitude = 0;
    std::vector<float> block = std::vector<float>(kBlock);
    long position = 0;

    const float* next(int blockSize = kBlock) {
        block.resize(static_cast<std::size_t>(blockSize));
        for (int i = 0; i < blockSize; ++i)
            block[static_cast<std::size_t>(i)] =
                static_cast<float>(amplitude * std::sin(2.0 * M_PI * freq * double(position + i) / kRate));
        position += blockSize;
        return block.data();
    }
};

double amp(std::span<const float> s, double freq) {
    return toneAmplitude(s.data(), s.size(), freq, kRate);
}

float maxAbs(std::span<const float> s) {
    float m = 0;
    for (float v : s)
        m = std::max(m, std::abs(v));
    return m;
}

// Four sites with distinct tones, mixed block by block.
struct FourSites {
    static constexpr std::array<SiteId, 4> ids{1, 2, 3, 4};
    static constexpr std::array<double, 4> freqs{300, 500, 700, 900};
    static constexpr double level = 0.2;
    AudioMixer mixer{kRate, kBlock};
    std::map<SiteId, ToneSource> tones;

    FourSites() {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            mixer.setChannel(ids[i], false, 0.0);
            tones[ids[i]] = ToneSource{freqs[i], level};
        }
    }
    void run(int blocks, std::vector<SiteId> present = {1, 2, 3, 4}) {
        for (int b = 0; b < blocks; ++b) {
            std::vector<MixInput> inputs;
            for (auto& [id, tone] : tones) {
                const float* samples = tone.next();
                if (std::find(present.begin(), present.end(), id) != present.end())
                    inputs.push_back({id, samples});
            }
            mixer.mix(inputs);
        }
    }
};

} // namespace

class TestAudioMixer : public QObject {
    Q_OBJECT

private slots:
    void programHasEveryTone() {
        FourSites s;
        s.run(5);
        const auto program = s.mixer.program();
        QCOMPARE(program.size(), std::size_t(kBlock));
        for (double f : FourSites::freqs)
            QVERIFY2(std::abs(amp(program, f) - FourSites::level) < 0.005, qPrintable(QString::number(f)));
        // A frequency nobody sends reads as nothing: the analysis is selective.
        QVERIFY(amp(program, 1100) < 0.001);
        QCOMPARE(s.mixer.channels(), (std::vector<SiteId>{1, 2, 3, 4}));
    }

    void muteRemovesOnlyThatTone() {
        FourSites s;
        s.run(5);
        s.mixer.setChannel(3, true, 0.0);
        s.run(2); // the ramp (15 ms) ends inside the first block
        auto program = s.mixer.program();
        QVERIFY(amp(program, 700) < 0.01 * FourSites::level);
        for (double f : {300.0, 500.0, 900.0})
            QVERIFY(std::abs(amp(program, f) - FourSites::level) < 0.005);
        QCOMPARE(s.mixer.channelLevels(3).peakDbfs, -120.f);

        s.mixer.setChannel(3, false, 0.0);
        s.run(2);
        program = s.mixer.program();
        QVERIFY(std::abs(amp(program, 700) - FourSites::level) < 0.005);
    }

    void mixMinusLacksExactlyItsOwnTone() {
        FourSites s;
        s.run(5);
        for (std::size_t i = 0; i < FourSites::ids.size(); ++i) {
            const auto mm = s.mixer.mixMinus(FourSites::ids[i]);
            QCOMPARE(mm.size(), std::size_t(kBlock));
            for (std::size_t j = 0; j < FourSites::freqs.size(); ++j) {
                const double a = amp(mm, FourSites::freqs[j]);
                if (i == j)
                    QVERIFY2(a < 0.01 * FourSites::level, qPrintable(QStringLiteral("own tone %1").arg(a)));
                else
                    QVERIFY2(std::abs(a - FourSites::level) < 0.005,
                             qPrintable(QStringLiteral("other %1").arg(a)));
            }
        }
        QVERIFY(s.mixer.mixMinus(99).empty());
    }

    // A muted site's mix-minus is the common one, to the sample, even while the limiter works
    // (four tones at 0.4 sum past full scale); once it speaks again its own sound leaves its
    // mix-minus at once and the rest goes on without a jump.
    void silentSiteHearsTheCommonMixMinus() {
        FourSites s;
        for (auto& [id, tone] : s.tones)
            tone.amplitude = 0.4;
        s.mixer.setChannel(1, true, 0.0);
        s.run(20);
        const auto common = s.mixer.commonMixMinus();
        const auto muted = s.mixer.mixMinus(1);
        QVERIFY(std::equal(common.begin(), common.end(), muted.begin(), muted.end()));
        QVERIFY(maxAbs(common) > 0.5f);
        QVERIFY(!std::equal(common.begin(), common.end(), s.mixer.mixMinus(2).begin()));

        const float before = s.mixer.mixMinus(1).back();
        s.mixer.setChannel(1, false, 0.0);
        s.run(1);
        const auto back = s.mixer.mixMinus(1);
        QVERIFY2(std::abs(back.front() - before) < 0.1f, qPrintable(QString::number(back.front() - before)));
        s.run(10);
        const auto mm = s.mixer.mixMinus(1);
        QVERIFY2(amp(mm, 300) < 0.01, qPrintable(QString::number(amp(mm, 300))));
        QVERIFY(amp(mm, 500) > 0.1);
    }

    void channelOutputIsOwnSignalAfterGain() {
        FourSites s;
        s.mixer.setChannel(2, false, -6.0);
        s.run(5);
        for (std::size_t i = 0; i < FourSites::ids.size(); ++i) {
            const auto out = s.mixer.channelOutput(FourSites::ids[i]);
            QCOMPARE(out.size(), std::size_t(kBlock));
            const double expected = FourSites::ids[i] == 2 ? FourSites::level * 0.501 : FourSites::level;
            for (std::size_t j = 0; j < FourSites::freqs.size(); ++j) {
                const double a = amp(out, FourSites::freqs[j]);
                if (i == j)
                    QVERIFY2(std::abs(a - expected) < 0.005, qPrintable(QStringLiteral("own %1").arg(a)));
                else
                    QVERIFY2(a < 0.001, qPrintable(QStringLiteral("other %1").arg(a)));
            }
        }
        s.mixer.setChannel(3, true, 0.0);
        s.run(2);
        QVERIFY(maxAbs(s.mixer.channelOutput(3)) < 1e-6f);
        QVERIFY(s.mixer.channelOutput(99).empty());
    }

    void mixMinusIsExactlyTheOthersSum() {
        // Low levels, unity gains: no limiting, so each mix-minus is the plain sum of the others.
        AudioMixer mixer(kRate, kBlock);
        std::array<std::vector<float>, 3> in;
        for (SiteId id = 0; id < 3; ++id)
            mixer.setChannel(id, false, 0.0);
        for (int b = 0; b < 3; ++b) {
            std::vector<MixInput> inputs;
            for (std::size_t k = 0; k < in.size(); ++k) {
                in[k].resize(kBlock);
                for (int i = 0; i < kBlock; ++i)
                    in[k][std::size_t(i)] =
                        0.1f * std::sin(0.01f * float(i + 1) * float(k + 1)) + 0.01f * float(k);
                inputs.push_back({SiteId(k), in[k].data()});
            }
            mixer.mix(inputs);
        }
        for (std::size_t self = 0; self < in.size(); ++self) {
            const auto mm = mixer.mixMinus(SiteId(self));
            for (int i = 0; i < kBlock; ++i) {
                double expected = 0;
                for (std::size_t k = 0; k < in.size(); ++k)
                    if (k != self)
                        expected += in[k][std::size_t(i)];
                QVERIFY(std::abs(mm[std::size_t(i)] - expected) < 1e-6);
            }
        }
    }

    void gainScalesAmplitude_data() {
        QTest::addColumn<double>("gainDb");
        QTest::newRow("0 dB") << 0.0;
        QTest::newRow("-6 dB") << -6.0;
        QTest::newRow("-20 dB") << -20.0;
        QTest::newRow("+6 dB") << 6.0;
    }
    void gainScalesAmplitude() {
        QFETCH(double, gainDb);
        AudioMixer mixer(kRate, kBlock);
        ToneSource tone{1000, 0.25};
        mixer.setChannel(7, false, gainDb);
        for (int b = 0; b < 3; ++b) {
            const MixInput in{7, tone.next()};
            mixer.mix({&in, 1});
        }
        const double expected = 0.25 * std::pow(10.0, gainDb / 20.0);
        QVERIFY2(std::abs(amp(mixer.program(), 1000) - expected) < 0.002 * std::max(1.0, expected / 0.25),
                 qPrintable(QStringLiteral("%1 vs %2").arg(amp(mixer.program(), 1000)).arg(expected)));
        QVERIFY(std::abs(mixer.channelLevels(7).peakDbfs - float(20 * std::log10(expected))) < 0.05f);
    }

    void minusSixDbHalvesOneSiteInTheMix() {
        FourSites s;
        s.run(5);
        s.mixer.setChannel(2, false, -6.0);
        s.run(2);
        const auto program = s.mixer.program();
        QVERIFY(std::abs(amp(program, 500) / FourSites::level - 0.501) < 0.005);
        QVERIFY(std::abs(amp(program, 300) - FourSites::level) < 0.005);
    }

    void limiterKeepsEveryMixWithinFullScale_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("in-phase sines") << 0;
        QTest::newRow("distinct sines") << 1;
        QTest::newRow("full-scale DC") << 2;
        QTest::newRow("sines +12 dB") << 3;
    }
    void limiterKeepsEveryMixWithinFullScale() {
        QFETCH(int, kind);
        AudioMixer mixer(kRate, kBlock);
        constexpr int kSites = 8;
        std::array<ToneSource, kSites> tones;
        std::vector<float> dc(kBlock, 1.f);
        for (int k = 0; k < kSites; ++k) {
            mixer.setChannel(k, false, kind == 3 ? 12.0 : 0.0);
            tones[std::size_t(k)] = ToneSource{kind == 1 ? 100.0 + 50.0 * k : 100.0, 1.0};
        }
        float worst = 0;
        float lastSample = 0;
        float worstStep = 0;
        for (int b = 0; b < 50; ++b) {
            std::vector<MixInput> inputs;
            for (int k = 0; k < kSites; ++k)
                inputs.push_back({k, kind == 2 ? dc.data() : tones[std::size_t(k)].next()});
            mixer.mix(inputs);
            worst = std::max(worst, maxAbs(mixer.program()));
            for (int k = 0; k < kSites; ++k)
                worst = std::max(worst, maxAbs(mixer.mixMinus(k)));
            if (b >= 1) {
                // Once the limiter has caught the level, it does not chop the waveform.
                for (float v : mixer.program()) {
                    worstStep = std::max(worstStep, std::abs(v - lastSample));
                    lastSample = v;
                }
            } else {
                lastSample = mixer.program().back();
            }
        }
        QVERIFY2(worst <= 1.0f, qPrintable(QString::number(double(worst))));
        // Limited, not crushed: the program stays loud.
        QVERIFY(mixer.programLevels().peakDbfs > -1.f);
        QVERIFY(mixer.programLevels().rmsDbfs > -12.f);
        if (kind == 0) {
            QVERIFY2(worstStep < 0.05f, qPrintable(QString::number(double(worstStep))));
            // Gain riding, not clipping: little third harmonic.
            const double distortion = amp(mixer.program(), 300) / amp(mixer.program(), 100);
            QVERIFY2(distortion < 0.05, qPrintable(QString::number(distortion)));
        }
        if (kind == 2)
            QVERIFY(worstStep < 0.001f);
    }

    void limiterReleasesAfterLoudPassage() {
        AudioMixer mixer(kRate, kBlock);
        std::vector<float> loud(kBlock, 1.f);
        for (int k = 0; k < 4; ++k)
            mixer.setChannel(k, false, 0.0);
        for (int b = 0; b < 25; ++b) {
            std::vector<MixInput> inputs;
            for (int k = 0; k < 4; ++k)
                inputs.push_back({k, loud.data()});
            mixer.mix(inputs);
        }
        ToneSource quiet{1000, 0.1};
        for (int b = 0; b < 50; ++b) { // 2 s
            const MixInput in{0, quiet.next()};
            mixer.mix({&in, 1});
        }
        QVERIFY(std::abs(amp(mixer.program(), 1000) - 0.1) < 0.001);
        QVERIFY(std::abs(amp(mixer.mixMinus(1), 1000) - 0.1) < 0.001);
    }

    void unmuteAndGainChangesDoNotClick() {
        constexpr int kSmallBlock = 256; // the ramp spans several blocks
        AudioMixer mixer(kRate, kSmallBlock);
        std::vector<float> dc(kSmallBlock, 0.5f);
        const MixInput in{1, dc.data()};
        mixer.setChannel(1, true, 0.0);
        for (int b = 0; b < 10; ++b)
            mixer.mix({&in, 1});
        QCOMPARE(maxAbs(mixer.program()), 0.f);

        auto capture = [&](int blocks) {
            std::vector<float> out;
            for (int b = 0; b < blocks; ++b) {
                mixer.mix({&in, 1});
                out.insert(out.end(), mixer.program().begin(), mixer.program().end());
            }
            return out;
        };
        auto largestStep = [](float before, const std::vector<float>& out) {
            float step = std::abs(out.front() - before);
            for (std::size_t i = 1; i < out.size(); ++i)
                step = std::max(step, std::abs(out[i] - out[i - 1]));
            return step;
        };

        mixer.setChannel(1, false, 0.0);
        std::vector<float> out = capture(10);
        QVERIFY2(largestStep(0.f, out) < 0.002f, qPrintable(QString::number(double(largestStep(0.f, out)))));
        QVERIFY(out[384] < 0.45f);                   // still ramping 8 ms in: a real ramp, not a step
        QVERIFY(std::abs(out[1200] - 0.5f) < 1e-6f); // done within 25 ms

        mixer.setChannel(1, false, -20.0);
        float before = out.back();
        out = capture(10);
        QVERIFY(largestStep(before, out) < 0.002f);
        QVERIFY(std::abs(out.back() - 0.05f) < 1e-6f);

        mixer.setChannel(1, true, -20.0);
        before = out.back();
        out = capture(10);
        QVERIFY(largestStep(before, out) < 0.002f);
        QCOMPARE(out.back(), 0.f);

        // The master ramps too.
        mixer.setChannel(1, false, 0.0);
        capture(10);
        mixer.setProgram(true, 0.0);
        before = mixer.program().back();
        out = capture(10);
        QVERIFY(largestStep(before, out) < 0.002f);
        QCOMPARE(out.back(), 0.f);
    }

    void newChannelFadesIn() {
        AudioMixer mixer(kRate, kBlock);
        std::vector<float> dc(kBlock, 0.5f);
        mixer.setChannel(1, false, 0.0);
        const MixInput in{1, dc.data()};
        mixer.mix({&in, 1});
        const auto program = mixer.program();
        QVERIFY(program[0] < 0.01f);
        QVERIFY(std::abs(program[kBlock - 1] - 0.5f) < 1e-6f);
    }

    void levelsReadDbfs() {
        AudioMixer mixer(kRate, kBlock);
        ToneSource tone{1000, 0.1}; // -20 dBFS peak, -23.01 dBFS RMS
        ToneSource other{500, 0.3};
        mixer.setChannel(1, false, 0.0);
        mixer.setChannel(2, false, 0.0); // present, silent
        mixer.setChannel(3, true, 0.0);  // muted, loud
        for (int b = 0; b < 3; ++b) {
            const std::array<MixInput, 2> in{MixInput{1, tone.next()}, MixInput{3, other.next()}};
            mixer.mix(in);
        }
        const AudioLevels l = mixer.channelLevels(1);
        QVERIFY2(std::abs(l.peakDbfs + 20.f) < 0.05f, qPrintable(QString::number(double(l.peakDbfs))));
        QVERIFY2(std::abs(l.rmsDbfs + 23.01f) < 0.05f, qPrintable(QString::number(double(l.rmsDbfs))));
        QVERIFY(std::abs(mixer.programLevels().peakDbfs + 20.f) < 0.05f);
        QVERIFY(std::abs(mixer.programLevels().rmsDbfs + 23.01f) < 0.05f);
        QCOMPARE(mixer.channelLevels(2).peakDbfs, -120.f);
        QCOMPARE(mixer.channelLevels(2).rmsDbfs, -120.f);
        QCOMPARE(mixer.channelLevels(3).rmsDbfs, -120.f); // post mute
        QCOMPARE(mixer.channelLevels(42).peakDbfs, -120.f);

        // The master changes the program, not the channels.
        mixer.setProgram(false, -6.0);
        for (int b = 0; b < 2; ++b) {
            const MixInput in{1, tone.next()};
            mixer.mix({&in, 1});
        }
        QVERIFY(std::abs(mixer.programLevels().peakDbfs + 26.f) < 0.05f);
        QVERIFY(std::abs(mixer.channelLevels(1).peakDbfs + 20.f) < 0.05f);
    }

    void masterMuteSilencesProgramOnly() {
        FourSites s;
        s.run(3);
        s.mixer.setProgram(true, 0.0);
        s.run(2);
        QCOMPARE(maxAbs(s.mixer.program()), 0.f);
        QCOMPARE(s.mixer.programLevels().peakDbfs, -120.f);
        // The return feeds keep the conference going.
        QVERIFY(std::abs(amp(s.mixer.mixMinus(1), 500) - FourSites::level) < 0.005);
    }

    void absentAndRemovedChannels() {
        FourSites s;
        s.run(3, {1, 2, 3});
        auto program = s.mixer.program();
        QVERIFY(amp(program, 900) < 0.001); // site 4 sent nothing this time
        QVERIFY(std::abs(amp(program, 700) - FourSites::level) < 0.005);
        // Site 4's mix-minus is then the whole program.
        const auto mm4 = s.mixer.mixMinus(4);
        for (std::size_t i = 0; i < mm4.size(); ++i)
            QVERIFY(std::abs(mm4[i] - program[i]) < 1e-6f);

        s.mixer.removeChannel(2);
        QCOMPARE(s.mixer.channels(), (std::vector<SiteId>{1, 3, 4}));
        QVERIFY(s.mixer.mixMinus(2).empty());
        s.run(2); // site 2's input is still offered: ignored
        program = s.mixer.program();
        QVERIFY(amp(program, 500) < 0.001);
        QVERIFY(std::abs(amp(program, 300) - FourSites::level) < 0.005);
    }

    void nonFiniteInputIsDropped() {
        AudioMixer mixer(kRate, kBlock);
        ToneSource tone{1000, 0.2};
        mixer.setChannel(1, false, 0.0);
        mixer.setChannel(2, false, 0.0);
        std::vector<float> bad(kBlock, std::nanf(""));
        bad[10] = INFINITY;
        for (int b = 0; b < 3; ++b) {
            const std::array<MixInput, 2> in{MixInput{1, tone.next()}, MixInput{2, bad.data()}};
            mixer.mix(in);
            for (float v : mixer.program())
                QVERIFY(std::isfinite(v));
        }
        QVERIFY(std::abs(amp(mixer.program(), 1000) - 0.2) < 0.002);
        QVERIFY(std::abs(amp(mixer.mixMinus(2), 1000) - 0.2) < 0.002);
    }

    void rejectsBadConfiguration() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AudioMixer(0, kBlock));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AudioMixer(kRate, 0));
    }
};

QTEST_GUILESS_MAIN(TestAudioMixer)
#include "tst_audio_mixer.moc"
