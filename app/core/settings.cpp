#include "core/settings.h"

#include "core/province_time.h"

#include <QDir>
#include <QRegularExpression>

namespace hntt::core {

ConsoleSettings::ConsoleSettings(const QString& dataDir)
    : dataDir_(dataDir)
    , settings_(QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat) {}

std::optional<CanvasSetting> ConsoleSettings::canvas() const {
    static const QRegularExpression re(QStringLiteral("^(\\d{3,5})x(\\d{2,5})@(\\d{1,2})$"));
    const auto m = re.match(settings_.value(QStringLiteral("program/canvas")).toString());
    if (!m.hasMatch())
        return std::nullopt;
    CanvasSetting c{m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()};
    // The same bounds as --program: even sizes for 4:2:0, sane frame rates.
    if (c.width < 160 || c.height < 90 || c.width > 7680 || c.height > 4320 || c.width % 2 || c.height % 2 ||
        c.fps < 1 || c.fps > 60)
        return std::nullopt;
    return c;
}

void ConsoleSettings::setCanvas(const CanvasSetting& c) {
    settings_.setValue(QStringLiteral("program/canvas"),
                       QStringLiteral("%1x%2@%3").arg(c.width).arg(c.height).arg(c.fps));
    settings_.sync();
}

QList<OutputSetting> ConsoleSettings::outputs() const {
    QList<OutputSetting> out;
    const int n = settings_.beginReadArray(QStringLiteral("outputs"));
    for (int i = 0; i < n; ++i) {
        settings_.setArrayIndex(i);
        OutputSetting o{settings_.value(QStringLiteral("url")).toString(),
                        settings_.value(QStringLiteral("name")).toString(),
                        settings_.value(QStringLiteral("enabled"), true).toBool()};
        if (!o.url.isEmpty())
            out.append(o);
    }
    settings_.endArray();
    return out;
}

void ConsoleSettings::setOutputs(const QList<OutputSetting>& outputs) {
    settings_.remove(QStringLiteral("outputs"));
    settings_.beginWriteArray(QStringLiteral("outputs"), static_cast<int>(outputs.size()));
    for (int i = 0; i < outputs.size(); ++i) {
        settings_.setArrayIndex(i);
        settings_.setValue(QStringLiteral("url"), outputs[i].url);
        settings_.setValue(QStringLiteral("name"), outputs[i].name);
        settings_.setValue(QStringLiteral("enabled"), outputs[i].enabled);
    }
    settings_.endArray();
    settings_.sync();
}

QString ConsoleSettings::recordingsDir() const {
    const QString dir = settings_.value(QStringLiteral("paths/recordings")).toString();
    return dir.isEmpty() ? QDir(dataDir_).filePath(QStringLiteral("recordings")) : dir;
}

void ConsoleSettings::setRecordingsDir(const QString& dir) {
    settings_.setValue(QStringLiteral("paths/recordings"), dir);
    settings_.sync();
}

QString ConsoleSettings::archivesDir() const {
    const QString dir = settings_.value(QStringLiteral("paths/archives")).toString();
    return dir.isEmpty() ? QDir(dataDir_).filePath(QStringLiteral("archives")) : dir;
}

void ConsoleSettings::setArchivesDir(const QString& dir) {
    settings_.setValue(QStringLiteral("paths/archives"), dir);
    settings_.sync();
}

QString ConsoleSettings::archiveCertificate() const {
    return settings_.value(QStringLiteral("archive/certificate")).toString();
}

QString ConsoleSettings::archiveKey() const {
    return settings_.value(QStringLiteral("archive/key")).toString();
}

void ConsoleSettings::setArchiveSigning(const QString& certificate, const QString& key) {
    settings_.setValue(QStringLiteral("archive/certificate"), certificate);
    settings_.setValue(QStringLiteral("archive/key"), key);
    settings_.sync();
}

QString ConsoleSettings::timeZone() const {
    const QString zone = settings_.value(QStringLiteral("province/time_zone")).toString();
    return zone.isEmpty() ? QString::fromLatin1(kDefaultProvinceTimeZone) : zone;
}

void ConsoleSettings::setTimeZone(const QString& ianaId) {
    settings_.setValue(QStringLiteral("province/time_zone"), ianaId);
    settings_.sync();
}

QString ConsoleSettings::language() const {
    const QString l = settings_.value(QStringLiteral("ui/language")).toString();
    return l == QLatin1String("vi") || l == QLatin1String("en") ? l : QString();
}

void ConsoleSettings::setLanguage(const QString& language) {
    settings_.setValue(QStringLiteral("ui/language"), language);
    settings_.sync();
}

bool ConsoleSettings::floorStraightToProgram() const {
    return settings_.value(QStringLiteral("ui/floor_straight_to_program"), false).toBool();
}

void ConsoleSettings::setFloorStraightToProgram(bool on) {
    settings_.setValue(QStringLiteral("ui/floor_straight_to_program"), on);
    settings_.sync();
}

bool ConsoleSettings::confirmEmptySlots() const {
    return settings_.value(QStringLiteral("ui/confirm_empty_slots"), true).toBool();
}

void ConsoleSettings::setConfirmEmptySlots(bool on) {
    settings_.setValue(QStringLiteral("ui/confirm_empty_slots"), on);
    settings_.sync();
}

bool ConsoleSettings::lightLoad() const {
    return settings_.value(QStringLiteral("engine/light_load"), false).toBool();
}

void ConsoleSettings::setLightLoad(bool on) {
    settings_.setValue(QStringLiteral("engine/light_load"), on);
    settings_.sync();
}

QByteArray ConsoleSettings::windowState() const {
    return settings_.value(QStringLiteral("ui/window_state")).toByteArray();
}

QByteArray ConsoleSettings::windowGeometry() const {
    return settings_.value(QStringLiteral("ui/window_geometry")).toByteArray();
}

void ConsoleSettings::setWindow(const QByteArray& state, const QByteArray& geometry) {
    settings_.setValue(QStringLiteral("ui/window_state"), state);
    settings_.setValue(QStringLiteral("ui/window_geometry"), geometry);
    settings_.sync();
}

} // namespace hntt::core
