#include "api/router.h"

#include "api/api_errors.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace hntt::api {

namespace {

// Allow lists methods in this order, whatever the order the routes were added in.
int methodRank(std::string_view method) {
    static constexpr std::array<std::string_view, 5> order{"GET", "POST", "PUT", "PATCH", "DELETE"};
    const auto it = std::find(order.begin(), order.end(), method);
    return static_cast<int>(it - order.begin());
}

std::vector<std::string_view> split(std::string_view pattern) {
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        if (pattern[pos] == '/') {
            ++pos;
            continue;
        }
        const std::size_t end = std::min(pattern.find('/', pos), pattern.size());
        parts.push_back(pattern.substr(pos, end - pos));
        pos = end;
    }
    return parts;
}

} // namespace

qint64 PathParams::value(std::string_view name) const {
    for (const Param& p : params_) {
        if (p.name == name)
            return p.value;
    }
    // A handler asking for a parameter its pattern does not have: a mistake of the code.
    qFatal("API route: no path parameter '%.*s'", static_cast<int>(name.size()), name.data());
    std::abort(); // qFatal does not return, but Qt 6.4 does not declare it so
}

qint64 PathParams::id(std::string_view name) const {
    return value(name);
}

int PathParams::integer(std::string_view name) const {
    return static_cast<int>(value(name));
}

Router::Segment Router::parseSegment(std::string_view part, std::string_view pattern) {
    Segment s;
    const std::size_t close = part.find('}');
    if (part.size() <= 2 || part.front() != '{' || close == std::string_view::npos || close < 2) {
        s.text = std::string(part);
        return s;
    }
    const std::string_view inner = part.substr(1, close - 1);
    const std::size_t colon = inner.find(':');
    const std::string_view type = colon == std::string_view::npos ? "id" : inner.substr(colon + 1);
    s.text = std::string(inner.substr(0, colon));
    s.suffix = std::string(part.substr(close + 1));
    if (type == "id")
        s.kind = Segment::Kind::Id;
    else if (type == "int")
        s.kind = Segment::Kind::Int;
    else
        qFatal("API route %.*s: unknown parameter type", static_cast<int>(pattern.size()), pattern.data());
    return s;
}

std::string Router::shapeOf(const Segment& s) {
    switch (s.kind) {
    case Segment::Kind::Literal:
        return "/" + s.text;
    case Segment::Kind::Id:
        return "/{id}" + s.suffix;
    case Segment::Kind::Int:
        return "/{int}" + s.suffix;
    }
    return {};
}

bool Router::fits(const Segment& s, const std::string& segment) {
    if (s.kind == Segment::Kind::Literal)
        return s.text == segment;
    return segment.size() > s.suffix.size() &&
           segment.compare(segment.size() - s.suffix.size(), s.suffix.size(), s.suffix) == 0;
}

void Router::add(std::string_view method, std::string_view pattern, RouteHandler handler) {
    Path path;
    for (std::string_view part : split(pattern)) {
        Segment s = parseSegment(part, pattern);
        path.shape += shapeOf(s);
        path.segments.push_back(std::move(s));
    }

    auto it =
        std::find_if(paths_.begin(), paths_.end(), [&](const Path& p) { return p.shape == path.shape; });
    if (it == paths_.end()) {
        paths_.push_back(std::move(path));
        it = paths_.end() - 1;
    } else {
        for (std::size_t i = 0; i < path.segments.size(); ++i) {
            if (it->segments[i].text != path.segments[i].text)
                qFatal("API route %.*s: the same path as another with other parameter names",
                       static_cast<int>(pattern.size()), pattern.data());
        }
    }
    for (const auto& [m, h] : it->methods) {
        if (m == method)
            qFatal("API route %.*s %.*s: added twice", static_cast<int>(method.size()), method.data(),
                   static_cast<int>(pattern.size()), pattern.data());
    }
    it->methods.emplace_back(std::string(method), std::move(handler));
    std::stable_sort(it->methods.begin(), it->methods.end(),
                     [](const auto& a, const auto& b) { return methodRank(a.first) < methodRank(b.first); });
    it->allow.clear();
    for (const auto& [m, h] : it->methods)
        it->allow += (it->allow.empty() ? "" : ", ") + m;
}

const Router::Path* Router::match(const std::vector<std::string>& segments) const {
    // Where two paths fit, the more specific at the first place they differ: a literal, then a
    // parameter with a literal ending ("{site}.ics"), then a bare parameter.
    const auto rank = [](const Segment& s) {
        return s.kind == Segment::Kind::Literal ? 2 : s.suffix.empty() ? 0 : 1;
    };
    const Path* best = nullptr;
    for (const Path& p : paths_) {
        if (p.segments.size() != segments.size())
            continue;
        bool ok = true;
        for (std::size_t i = 0; i < segments.size() && ok; ++i)
            ok = fits(p.segments[i], segments[i]);
        if (!ok)
            continue;
        if (!best) {
            best = &p;
            continue;
        }
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const int mine = rank(p.segments[i]), theirs = rank(best->segments[i]);
            if (mine != theirs) {
                if (mine > theirs)
                    best = &p;
                break;
            }
        }
    }
    return best;
}

std::string Router::allowed(const std::vector<std::string>& segments) const {
    const Path* path = match(segments);
    return path ? path->allow : std::string();
}

void Router::permitViewers(std::string_view method, std::string_view pattern) {
    std::string shape;
    for (std::string_view part : split(pattern))
        shape += shapeOf(parseSegment(part, pattern));
    const auto it =
        std::find_if(paths_.begin(), paths_.end(), [&](const Path& p) { return p.shape == shape; });
    const bool known = it != paths_.end() && std::any_of(it->methods.begin(), it->methods.end(),
                                                         [&](const auto& m) { return m.first == method; });
    if (!known)
        qFatal("API route %.*s %.*s: opened to viewers but never added", static_cast<int>(method.size()),
               method.data(), static_cast<int>(pattern.size()), pattern.data());
    it->viewerMethods.emplace_back(method);
}

void Router::dispatch(const Request& request, const Responder& reply) const {
    const Path* path = match(request.segments);
    if (!path) {
        reply(errorResponse(404, "not_found", "No such endpoint: " + request.path));
        return;
    }

    // Parameters before the method: a path naming no resource is 404 whatever the method.
    PathParams params;
    for (std::size_t i = 0; i < path->segments.size(); ++i) {
        const Segment& s = path->segments[i];
        if (s.kind == Segment::Kind::Literal)
            continue;
        const std::string& segment = request.segments[i];
        const QString text = QString::fromStdString(segment.substr(0, segment.size() - s.suffix.size()));
        bool ok = false;
        qint64 value = 0;
        if (s.kind == Segment::Kind::Id) {
            value = text.toLongLong(&ok);
            ok = ok && value > 0;
        } else {
            value = text.toInt(&ok);
        }
        if (!ok) {
            reply(errorResponse(404, "not_found", "No " + s.text + " '" + request.segments[i] + "'."));
            return;
        }
        params.params_.push_back({s.text, value});
    }

    const auto method = std::find_if(path->methods.begin(), path->methods.end(),
                                     [&](const auto& m) { return m.first == request.method; });
    if (method == path->methods.end()) {
        Response r = errorResponse(405, "method_not_allowed",
                                   "Method " + request.method + " is not allowed on " + request.path);
        r.headers.emplace_back("Allow", path->allow);
        reply(std::move(r));
        return;
    }

    if (request.readOnly && std::find(path->viewerMethods.begin(), path->viewerMethods.end(),
                                      request.method) == path->viewerMethods.end()) {
        reply(errorResponse(403, "forbidden",
                            "This token may only read: " + request.method + " " + request.path +
                                " is for the operator's token"));
        return;
    }

    try {
        method->second(request, params, reply);
    } catch (const BadRequest& e) {
        reply(errorResponse(400, "bad_request", e.message.toStdString()));
    }
}

} // namespace hntt::api
