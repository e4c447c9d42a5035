// The console's settings, kept in DATA_DIR/settings.ini (QSettings, INI format) so that a data
// folder carries its whole configuration: program canvas, program streams to restore on start,
// where recordings go. The command line overrides them for one run.
#pragma once

#include <QList>
#include <QSettings>
#include <QString>
#include <optional>

namespace hntt::core {

struct CanvasSetting {
    int width = 1920;
    int height = 1080;
    int fps = 25;
};

struct OutputSetting {
    QString url;
    QString name;
    bool enabled = true; // false: kept, but stopped by the operator
    friend bool operator==(const OutputSetting&, const OutputSetting&) = default;
};

class ConsoleSettings {
public:
    explicit ConsoleSettings(const QString& dataDir);

    QString path() const { return settings_.fileName(); }

    // "WxH@FPS"; nullopt when unset or malformed (a malformed value is ignored, not fatal).
    std::optional<CanvasSetting> canvas() const;
    void setCanvas(const CanvasSetting& c);

    QList<OutputSetting> outputs() const;
    void setOutputs(const QList<OutputSetting>& outputs);

    // Where recordings go; default DATA_DIR/recordings.
    QString recordingsDir() const;
    void setRecordingsDir(const QString& dir);

    // Where meeting archives go; default DATA_DIR/archives (also for an empty value).
    QString archivesDir() const;
    void setArchivesDir(const QString& dir);
    // The X.509 certificate and private key (PEM files) that sign archive manifests; empty: none.
    QString archiveCertificate() const;
    QString archiveKey() const;
    void setArchiveSigning(const QString& certificate, const QString& key);

    // The province's time zone (IANA id), in which every time is shown and printed; default
    // Asia/Ho_Chi_Minh (province_time.h).
    QString timeZone() const;
    void setTimeZone(const QString& ianaId);
    // The interface language, "vi" or "en"; empty: not chosen (the system's, Vietnamese first).
    QString language() const;
    void setLanguage(const QString& language);
    // F9 gives the floor straight to program (true) or prepares it on preview for TAKE (false,
    // the default: nothing reaches the air without the operator's TAKE).
    bool floorStraightToProgram() const;
    void setFloorStraightToProgram(bool on);
    // TAKE with empty slots on preview asks for a second TAKE (true, the default) or puts the
    // layout's background there at once (false).
    bool confirmEmptySlots() const;
    void setConfirmEmptySlots(bool on);
    // The engine's lighter load (Session::setLightLoad); off by default.
    bool lightLoad() const;
    void setLightLoad(bool on);
    // The main window's docks and size, as QMainWindow::saveState/saveGeometry give them.
    QByteArray windowState() const;
    QByteArray windowGeometry() const;
    void setWindow(const QByteArray& state, const QByteArray& geometry);

    void sync() { settings_.sync(); }

private:
    QString dataDir_;
    mutable QSettings settings_;
};

} // namespace hntt::core
