#include "api/api_token.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace hntt::api {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMaxLine = 4096; // a token file is one short line

// Closes the descriptor when it goes out of scope.
class Fd {
public:
    explicit Fd(int fd)
        : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

QString systemError(int err) {
    return QString::fromLocal8Bit(std::strerror(err));
}

QString modeText(mode_t mode) {
    return QStringLiteral("0%1").arg(mode & 0777, 3, 8, QLatin1Char('0'));
}

ApiToken failure(ApiToken::Error error, const QString& path, const QString& text) {
    ApiToken t;
    t.path = path;
    t.error = error;
    t.errorString = text;
    return t;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Reads the first line of an open file and checks it as a token; fills token or the error.
void readToken(int fd, ApiToken& t) {
    std::string data;
    std::array<char, 512> chunk{};
    while (data.size() < kMaxLine && data.find('\n') == std::string::npos) {
        const ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            t = failure(
                ApiToken::Error::Unreadable, t.path,
                QStringLiteral("Cannot read the API token file %1: %2").arg(t.path, systemError(err)));
            return;
        }
        if (n == 0)
            break;
        data.append(chunk.data(), static_cast<std::size_t>(n));
    }
    OPENSSL_cleanse(chunk.data(), chunk.size());
    std::string_view line(data);
    line = line.substr(0, line.find('\n'));
    while (!line.empty() && isSpace(line.front()))
        line.remove_prefix(1);
    while (!line.empty() && isSpace(line.back()))
        line.remove_suffix(1);
    if (line.empty()) {
        t = failure(ApiToken::Error::Empty, t.path,
                    QStringLiteral("The API token file %1 is empty").arg(t.path));
        return;
    }
    // The token travels in "Authorization: Bearer TOKEN": visible ASCII, no spaces.
    for (const char c : line) {
        if (c < 0x21 || c > 0x7e) {
            t = failure(
                ApiToken::Error::Invalid, t.path,
                QStringLiteral("The API token in %1 has characters other than visible ASCII").arg(t.path));
            return;
        }
    }
    t.token.assign(line);
    OPENSSL_cleanse(data.data(), data.size());
}

std::string randomToken() {
    std::array<unsigned char, kTokenBytes> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        return {};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token;
    token.reserve(bytes.size() * 2);
    for (const unsigned char b : bytes) {
        token.push_back(kHex[b >> 4]);
        token.push_back(kHex[b & 0x0f]);
    }
    OPENSSL_cleanse(bytes.data(), bytes.size());
    return token;
}

bool writeAll(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Makes `path` hold a new token, atomically and never replacing an existing file. Returns 0,
// EEXIST when another file got there first, or another errno.
int createTokenFile(const QString& dir, const QString& path, const std::string& token) {
    QByteArray tmpl = QFile::encodeName(dir + QStringLiteral("/.api-token.XXXXXX"));
    // mkostemp creates the file 0600 and exclusively: the token is never readable by others.
    Fd fd(::mkostemp(tmpl.data(), O_CLOEXEC));
    if (fd.get() < 0)
        return errno;
    const QByteArray target = QFile::encodeName(path);
    int err = 0;
    if (::fchmod(fd.get(), S_IRUSR | S_IWUSR) != 0 || !writeAll(fd.get(), token + "\n") ||
        ::fsync(fd.get()) != 0)
        err = errno ? errno : EIO;
    if (::close(fd.release()) != 0 && err == 0)
        err = errno;
    if (err == 0 && ::link(tmpl.constData(), target.constData()) != 0) {
        err = errno;
        // File systems without hard links: rename is atomic too, but replaces; the existence
        // check just before makes a race between two starts harmless (both tokens are random).
        if (err == EPERM || err == EOPNOTSUPP || err == ENOSYS) {
            err = ::rename(tmpl.constData(), target.constData()) == 0 ? 0 : errno;
            if (err == 0)
                return 0;
        }
    }
    ::unlink(tmpl.constData());
    return err;
}

} // namespace

ApiToken readApiTokenFile(const QString& path) {
    ApiToken t;
    t.path = path;
    // Non-blocking open: a FIFO named here must not hold the start.
    Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        const int err = errno;
        return failure(ApiToken::Error::Unreadable, path,
                       QStringLiteral("Cannot read the API token file %1: %2").arg(path, systemError(err)));
    }
    struct stat st = {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return failure(ApiToken::Error::Unreadable, path,
                       QStringLiteral("Cannot read the API token file %1: not a regular file").arg(path));
    readToken(fd.get(), t);
    if (t.ok() && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        t.warning = QStringLiteral("The API token file %1 is accessible by other users (mode %2)")
                        .arg(path, modeText(st.st_mode));
    return t;
}

ApiToken loadOrCreateApiToken(const QString& dataDir) {
    if (dataDir.isEmpty())
        return failure(ApiToken::Error::CannotCreate, {}, QStringLiteral("No data folder for the API token"));
    QDir dir(dataDir);
    if (!dir.exists()) {
        if (!QDir().mkpath(dataDir))
            return failure(ApiToken::Error::CannotCreate, dataDir,
                           QStringLiteral("Cannot create the data folder %1").arg(dataDir));
        QFile::setPermissions(dataDir,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    const QString path = dir.filePath(QString::fromLatin1(kApiTokenFileName));
    const QByteArray native = QFile::encodeName(path);

    // Two rounds: when another start creates the file between our look and our link, read theirs.
    for (int round = 0; round < 2; ++round) {
        Fd fd(::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
        if (fd.get() >= 0) {
            struct stat st = {};
            if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
                return failure(ApiToken::Error::UnsafeFile, path,
                               QStringLiteral("The API token file %1 is not a regular file").arg(path));
            if (st.st_uid != ::geteuid())
                return failure(ApiToken::Error::UnsafeFile, path,
                               QStringLiteral("The API token file %1 belongs to another user").arg(path));
            ApiToken t;
            t.path = path;
            if ((st.st_mode & 07177) != 0) {
                // Our own file, widened by hand or by a copy: narrow it again rather than refuse.
                if (::fchmod(fd.get(), S_IRUSR | S_IWUSR) != 0) {
                    const int err = errno;
                    return failure(
                        ApiToken::Error::UnsafeFile, path,
                        QStringLiteral("Cannot restrict the permissions of the API token file %1: %2")
                            .arg(path, systemError(err)));
                }
                t.warning = QStringLiteral("The permissions of the API token file %1 were %2; now 0600")
                                .arg(path, modeText(st.st_mode));
            }
            readToken(fd.get(), t);
            if (t.error == ApiToken::Error::Empty || t.error == ApiToken::Error::Invalid)
                t.errorString += QStringLiteral("; delete it to have a new token made");
            return t;
        }
        const int err = errno;
        if (err == ELOOP)
            return failure(ApiToken::Error::UnsafeFile, path,
                           QStringLiteral("The API token file %1 is a symbolic link").arg(path));
        if (err != ENOENT)
            return failure(
                ApiToken::Error::Unreadable, path,
                QStringLiteral("Cannot read the API token file %1: %2").arg(path, systemError(err)));

        const std::string token = randomToken();
        if (token.empty())
            return failure(ApiToken::Error::CannotCreate, path,
                           QStringLiteral("Cannot make a random API token: no randomness available"));
        const int created = createTokenFile(dataDir, path, token);
        if (created == 0) {
            ApiToken t;
            t.path = path;
            t.token = token;
            t.created = true;
            return t;
        }
        if (created != EEXIST)
            return failure(
                ApiToken::Error::CannotCreate, path,
                QStringLiteral("Cannot create the API token file %1: %2").arg(path, systemError(created)));
    }
    return failure(ApiToken::Error::CannotCreate, path,
                   QStringLiteral("Cannot create the API token file %1").arg(path));
}

ApiTokenList readApiTokenList(const QString& path) {
    constexpr off_t kMaxListBytes = 64 * 1024;
    ApiTokenList list;
    auto fail = [&](const QString& why) {
        list.credentials.clear();
        list.errorString = QStringLiteral("The API token list %1: %2").arg(path, why);
        return list;
    };
    Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0)
        return fail(systemError(errno));
    struct stat st = {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return fail(QStringLiteral("not a regular file"));
    if (st.st_size > kMaxListBytes)
        return fail(QStringLiteral("larger than 64 KiB"));
    std::string data(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < data.size()) {
        const ssize_t n = ::read(fd.get(), data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(systemError(errno));
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    data.resize(got);
    int lineNo = 0;
    std::string_view rest(data);
    while (!rest.empty()) {
        ++lineNo;
        const std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        std::vector<std::string_view> words;
        while (!line.empty()) {
            while (!line.empty() && isSpace(line.front()))
                line.remove_prefix(1);
            std::size_t n = 0;
            while (n < line.size() && !isSpace(line[n]))
                ++n;
            if (n > 0)
                words.push_back(line.substr(0, n));
            line.remove_prefix(n);
        }
        if (words.empty() || words.front().front() == '#')
            continue;
        const QString where = QStringLiteral("line %1: ").arg(lineNo);
        if (words.size() != 3)
            return fail(where + QStringLiteral("expected NAME ROLE TOKEN"));
        const std::string_view name = words[0], role = words[1], token = words[2];
        const bool nameOk =
            name.size() <= 32 && std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
            });
        if (!nameOk)
            return fail(where + QStringLiteral("a name is 1 to 32 letters, digits, '.', '_' or '-'"));
        if (name == "operator")
            return fail(where + QStringLiteral("the name operator is the console's own token's"));
        if (role != "operator" && role != "viewer")
            return fail(where + QStringLiteral("the role is operator or viewer"));
        if (token.size() < 16 ||
            !std::all_of(token.begin(), token.end(), [](char c) { return c > 0x20 && c < 0x7f; }))
            return fail(where + QStringLiteral("a token is at least 16 visible ASCII characters"));
        for (const Credential& c : list.credentials)
            if (c.name == name || c.token == token)
                return fail(where + QStringLiteral("a name or token given twice"));
        list.credentials.push_back(Credential{
            std::string(name), role == "operator" ? Role::Operator : Role::Viewer, std::string(token)});
    }
    OPENSSL_cleanse(data.data(), data.size());
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        list.warning = QStringLiteral("The API token list %1 is accessible by other users (mode %2)")
                           .arg(path, modeText(st.st_mode));
    return list;
}

ApiToken loadApiToken(const QString& tokenFile, const QString& dataDir) {
    return tokenFile.isEmpty() ? loadOrCreateApiToken(dataDir) : readApiTokenFile(tokenFile);
}

} // namespace hntt::api
