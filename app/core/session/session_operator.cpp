// The operator's conveniences on top of the session's primitives: what the console's buttons, keys
// and group actions do. Each one goes through the same checked paths (setPreview, updateSite), so
// the event log and the API's events see them like any other change.
#include "core/session/session.h"

#include <algorithm>

namespace hntt::core {

engine::Composition Session::program() const {
    return engine_->program();
}

engine::Composition Session::preview() const {
    return engine_->preview();
}

bool Session::autoFollowSpeaker() const {
    return engine_->autoFollowSpeaker();
}

Status Session::setPreviewLayout(const QString& layout, const Actor& actor) {
    const engine::Layout* l = engine_->findLayout(layout.toStdString());
    if (!l)
        return Error{Error::Code::Invalid, tr("There is no layout %1.").arg(layout)};
    engine::Composition next = engine_->preview();
    next.layout = l->name;
    // Drop empty slots first so the sites that stay are the ones the operator put there.
    std::vector<std::optional<engine::SiteId>> kept;
    for (const auto& s : next.sites)
        if (s)
            kept.push_back(s);
    if (kept.size() > l->rects.size())
        kept.resize(l->rects.size());
    next.sites = std::move(kept);
    return setPreview(next, actor);
}

Status Session::assignPreviewSlot(int slot, qint64 siteId, const Actor& actor) {
    engine::Composition next = engine_->preview();
    const engine::Layout* l = engine_->findLayout(next.layout);
    if (!l || slot < 0 || slot >= static_cast<int>(l->rects.size()))
        return Error{
            Error::Code::Invalid,
            tr("The layout %1 has no slot %2.").arg(QString::fromStdString(next.layout)).arg(slot + 1)};
    if (auto site = directory_->get(siteId); !site)
        return site.error();
    for (auto& s : next.sites)
        if (s && *s == siteId)
            s.reset();
    if (next.sites.size() <= static_cast<std::size_t>(slot))
        next.sites.resize(static_cast<std::size_t>(slot) + 1);
    next.sites[static_cast<std::size_t>(slot)] = siteId;
    while (!next.sites.empty() && !next.sites.back())
        next.sites.pop_back();
    return setPreview(next, actor);
}

Status Session::addToPreview(qint64 siteId, const Actor& actor) {
    if (Status known = requireSites({siteId}); !known)
        return known;
    engine::Composition next = engine_->preview();
    const engine::Layout* l = engine_->findLayout(next.layout);
    if (!l)
        return Error{Error::Code::Invalid, tr("Preview has no layout.")};
    if (std::any_of(next.sites.begin(), next.sites.end(),
                    [siteId](const auto& s) { return s && *s == siteId; }))
        return {};
    next.sites.resize(std::max(next.sites.size(), l->rects.size()));
    const auto free = std::find(next.sites.begin(), next.sites.end(), std::nullopt);
    if (free == next.sites.end() || free - next.sites.begin() >= static_cast<std::ptrdiff_t>(l->rects.size()))
        return Error{Error::Code::Conflict,
                     tr("Preview is full: choose a larger layout (F1–F8) or drop the site on a slot.")};
    *free = siteId;
    while (!next.sites.empty() && !next.sites.back())
        next.sites.pop_back();
    return setPreview(next, actor);
}

Status Session::requireSites(const QList<qint64>& ids) const {
    // The roster in memory, not the store: a long list costs no query on this thread.
    for (qint64 id : ids)
        if (!rosterIndex_.contains(id))
            return Error{Error::Code::NotFound, SiteDirectory::tr("There is no site %1.").arg(id)};
    return {};
}

Status Session::setSitesMuted(const QList<qint64>& ids, bool muted, const Actor& actor) {
    // Check every id first: a rejected request changes nothing.
    if (Status known = requireSites(ids); !known)
        return known;
    for (qint64 id : ids) {
        if (live_.value(id).audioMuted == muted)
            continue;
        if (auto r = setSiteAudio(id, muted, std::nullopt, actor); !r)
            return r;
    }
    return {};
}

Status Session::muteAllButFloor(const Actor& actor) {
    if (!floor_)
        return Error{Error::Code::Conflict, tr("No site has the floor.")};
    auto sites = directory_->list();
    if (!sites)
        return sites.error();
    QList<qint64> others;
    for (const SiteRecord& s : *sites)
        if (s.id != *floor_)
            others << s.id;
    if (auto r = setSitesMuted({*floor_}, false, actor); !r)
        return r;
    return setSitesMuted(others, true, actor);
}

Status Session::bringIn(const QList<qint64>& ids, const Actor& actor) {
    if (ids.isEmpty())
        return Error{Error::Code::Invalid, tr("No sites to bring in.")};
    if (Status known = requireSites(ids); !known)
        return known;
    static const std::pair<int, const char*> grids[] = {
        {1, "single"}, {4, "grid-2x2"}, {9, "grid-3x3"}, {16, "grid-4x4"}, {25, "grid-5x5"}};
    const char* layout = grids[4].second;
    for (const auto& [capacity, name] : grids)
        if (ids.size() <= capacity) {
            layout = name;
            break;
        }
    engine::Composition next;
    next.layout = layout;
    for (qint64 id : ids.mid(0, 25))
        next.sites.push_back(id);
    return setPreview(next, actor);
}

Session::MultiviewPage Session::multiviewPage() const {
    const engine::Engine::MultiviewPage p = engine_->multiviewPage();
    MultiviewPage out;
    out.page = p.page;
    out.pageCount = p.pageCount;
    for (engine::SiteId id : p.sites)
        out.sites << static_cast<qint64>(id);
    return out;
}

void Session::setMultiviewPage(int page) {
    engine_->setMultiviewPage(page);
}

} // namespace hntt::core
