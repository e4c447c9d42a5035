// The control API's routes as one table: a method and a path pattern below /api/v1 lead to a
// handler. The router answers what is the same for every route: an unknown path (404), a path
// parameter that is not one (404, as for an unknown id), a known path with another method (405
// with an Allow header), a malformed body a handler rejected (400). The areas register their
// routes in app/api/routes/.
#pragma once

#include "api/http_types.h"

#include <QString>
#include <QtGlobal>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hntt::api {

// A malformed request (body not JSON, a field of the wrong type), thrown by a handler before it
// answers; the router answers 400 "bad_request" with the message.
struct BadRequest {
    QString message;
};

// The parameters of a matched path, parsed once by the router. In a pattern, "{site}" is an id (a
// positive 64-bit integer) and "{preset:int}" any int; the name is the noun of the 404 for a
// segment that is not one ("No site 'abc'."). A parameter may end in a literal, "{site}.ics": the
// segment must end so, and the number is what comes before.
class PathParams {
public:
    qint64 id(std::string_view name) const;
    int integer(std::string_view name) const;

private:
    friend class Router;
    struct Param {
        std::string name;
        qint64 value = 0;
    };
    qint64 value(std::string_view name) const;
    std::vector<Param> params_;
};

// Every route's handler: the request, its path's parameters and the responder. It answers once,
// at once or later (when a camera has answered), on the thread that dispatched the request; it
// keeps copies, not references, of what it needs later.
using RouteHandler = std::function<void(const Request&, const PathParams&, Responder)>;

// A RouteHandler from a function that always answers at once: Response f(request, params).
template <typename F>
RouteHandler answerAtOnce(F f) {
    return [f = std::move(f)](const Request& request, const PathParams& params, Responder reply) {
        reply(f(request, params));
    };
}

class Router {
public:
    // Adds "METHOD pattern", e.g. ("POST", "/sites/{site}/camera/presets/{preset:int}/recall").
    // A literal segment wins over a parameter where both match ("/sites/mute" over "/sites/{site}").
    // A method added twice to one path, or two patterns that differ only in their parameters' names
    // or types, are mistakes of the code: the console stops at once (every test shows it).
    void add(std::string_view method, std::string_view pattern, RouteHandler handler);

    // Lets read-only tokens (Request::readOnly) use that route, added before; every other route
    // answers them 403. A route that was not added is a mistake of the code, as above.
    void permitViewers(std::string_view method, std::string_view pattern);

    // Routes one request to its handler, or answers it: see the top of this file.
    void dispatch(const Request& request, const Responder& reply) const;

    // The methods of the path that matches these segments, as an Allow header lists them ("GET,
    // PUT"); empty for an unknown path.
    std::string allowed(const std::vector<std::string>& segments) const;

private:
    struct Segment {
        enum class Kind { Literal, Id, Int };
        Kind kind = Kind::Literal;
        std::string text;   // the literal, or the parameter's name
        std::string suffix; // a parameter's literal ending, "{site}.ics": ".ics"
    };
    // One part of a pattern: "sites", "{site}", "{n:int}", "{site}.ics". Aborts on an unknown type.
    static Segment parseSegment(std::string_view part, std::string_view pattern);
    // The segment as a path's shape has it: "/sites", "/{id}", "/{int}", "/{id}.ics".
    static std::string shapeOf(const Segment& s);
    // Whether a request's segment fits a pattern's, and a parameter's number without its suffix.
    static bool fits(const Segment& s, const std::string& segment);
    struct Path {
        std::string shape; // the pattern with its parameters' types only: "/sites/{id}/camera/stop"
        std::vector<Segment> segments;
        std::vector<std::pair<std::string, RouteHandler>> methods;
        std::vector<std::string> viewerMethods; // the methods read-only tokens may use
        std::string allow;
    };

    const Path* match(const std::vector<std::string>& segments) const;

    std::vector<Path> paths_;
};

} // namespace hntt::api
