// A vertical audio meter: dBFS from -60 to 0, green / amber / red zones, and the highest peak held
// for two seconds so that a short overload stays visible long enough to be seen.
#pragma once

#include <QElapsedTimer>
#include <QWidget>

namespace hntt::ui {

class MeterWidget : public QWidget {
    Q_OBJECT

public:
    static constexpr double kFloorDb = -60;
    static constexpr double kAmberDb = -18; // speech sits below, loud passages reach it
    static constexpr double kRedDb = -6;    // close to clipping
    static constexpr int kPeakHoldMs = 2000;

    explicit MeterWidget(QWidget* parent = nullptr);

    // The latest block's levels (anything below the floor, -inf included, shows as the floor).
    void setLevels(double rmsDbfs, double peakDbfs);
    double rms() const { return rms_; }
    double peak() const { return peak_; }
    double peakHold() const { return held_; }
    // Muted channels draw their bar dimmed.
    void setDimmed(bool dimmed);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double rms_ = kFloorDb;
    double peak_ = kFloorDb;
    double held_ = kFloorDb;
    QElapsedTimer heldSince_;
    bool dimmed_ = false;
};

} // namespace hntt::ui
