// The API bearer token: read from --api-token-file (first line, trimmed), or made once, kept in
// DIR/api-token with mode 0600 and reused.
#include "api/api_token.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using hntt::api::ApiToken;
using hntt::api::loadApiToken;
using hntt::api::loadOrCreateApiToken;
using hntt::api::readApiTokenFile;

namespace {

mode_t fileMode(const QString& path) {
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

bool writeFile(const QString& path, const QByteArray& data, mode_t mode = 0600) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestApiToken : public QObject {
    Q_OBJECT

private slots:
    void generatedTokenIsPrivateAndReused() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dataDir = tmp.filePath(QStringLiteral("data")); // does not exist yet
        const ApiToken first = loadOrCreateApiToken(dataDir);
        QVERIFY2(first.ok(), qPrintable(first.errorString));
        QVERIFY(first.created);
        QCOMPARE(first.path, QDir(dataDir).filePath(QStringLiteral("api-token")));
        QCOMPARE(first.token.size(), std::size_t(64)); // 32 random bytes in hex
        QVERIFY(first.token.find_first_not_of("0123456789abcdef") == std::string::npos);
        QCOMPARE(fileMode(first.path), mode_t(0600));
        QCOMPARE(readFile(first.path), QByteArray::fromStdString(first.token + "\n"));
        // No temporary file is left next to it.
        QCOMPARE(QDir(dataDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("api-token")});

        const ApiToken second = loadOrCreateApiToken(dataDir);
        QVERIFY2(second.ok(), qPrintable(second.errorString));
        QVERIFY(!second.created);
        QCOMPARE(second.token, first.token);
        QVERIFY(second.warning.isEmpty());

        // Another folder gets another token.
        const ApiToken other = loadOrCreateApiToken(tmp.filePath(QStringLiteral("other")));
        QVERIFY(other.ok());
        QVERIFY(other.token != first.token);
    }

    void widerPermissionsAreTightened() {
        QTemporaryDir tmp;
        const ApiToken first = loadOrCreateApiToken(tmp.path());
        QVERIFY(first.ok());
        QCOMPARE(::chmod(QFile::encodeName(first.path).constData(), 0644), 0);
        const ApiToken again = loadOrCreateApiToken(tmp.path());
        QVERIFY2(again.ok(), qPrintable(again.errorString));
        QCOMPARE(again.token, first.token);
        QVERIFY(again.warning.contains(QStringLiteral("0644")));
        QCOMPARE(fileMode(first.path), mode_t(0600));
    }

    void keptFileMustBeAPlainFile() {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("elsewhere"));
        QVERIFY(writeFile(target, "sometoken\n"));
        QVERIFY(QFile::link(target, tmp.filePath(QStringLiteral("api-token"))));
        const ApiToken t = loadOrCreateApiToken(tmp.path());
        QCOMPARE(t.error, ApiToken::Error::UnsafeFile);
        QVERIFY(t.token.empty());
        QVERIFY(t.errorString.contains(QStringLiteral("symbolic link")));
    }

    void emptyKeptFileIsAnError() {
        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("api-token")), "\n"));
        const ApiToken t = loadOrCreateApiToken(tmp.path());
        QCOMPARE(t.error, ApiToken::Error::Empty);
        QVERIFY(t.errorString.contains(QStringLiteral("api-token")));
        QVERIFY(t.token.empty());
    }

    void tokenFileIsReadAndTrimmed_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("token");
        QTest::newRow("plain") << QByteArray("s3cret-Token_1") << QStringLiteral("s3cret-Token_1");
        QTest::newRow("newline") << QByteArray("s3cret\n") << QStringLiteral("s3cret");
        QTest::newRow("spaces and CRLF") << QByteArray("  \ts3cret \r\n") << QStringLiteral("s3cret");
        QTest::newRow("first line only") << QByteArray("first\nsecond\n") << QStringLiteral("first");
    }
    void tokenFileIsReadAndTrimmed() {
        QFETCH(QByteArray, content);
        QFETCH(QString, token);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("token"));
        QVERIFY(writeFile(path, content));
        const ApiToken t = readApiTokenFile(path);
        QVERIFY2(t.ok(), qPrintable(t.errorString));
        QCOMPARE(QString::fromStdString(t.token), token);
        QVERIFY(!t.created);
        QVERIFY(t.warning.isEmpty());
        QCOMPARE(fileMode(path), mode_t(0600)); // the operator's file is not changed
    }

    void tokenFileErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("error");
        QTest::newRow("empty") << QByteArray() << int(ApiToken::Error::Empty);
        QTest::newRow("blank line") << QByteArray("   \r\nsecond\n") << int(ApiToken::Error::Empty);
        QTest::newRow("inner space") << QByteArray("two words\n") << int(ApiToken::Error::Invalid);
        QTest::newRow("control") << QByteArray("tok\x01en\n") << int(ApiToken::Error::Invalid);
    }
    void tokenFileErrors() {
        QFETCH(QByteArray, content);
        QFETCH(int, error);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("token"));
        QVERIFY(writeFile(path, content));
        const ApiToken t = readApiTokenFile(path);
        QCOMPARE(int(t.error), error);
        QVERIFY(!t.ok());
        QVERIFY(t.token.empty());
        QVERIFY(t.errorString.contains(path));
    }

    void unreadableTokenFile() {
        QTemporaryDir tmp;
        const QString missing = tmp.filePath(QStringLiteral("missing"));
        ApiToken t = readApiTokenFile(missing);
        QCOMPARE(t.error, ApiToken::Error::Unreadable);
        QVERIFY(t.errorString.contains(missing));
        QVERIFY(t.errorString.contains(QStringLiteral("No such file")));

        t = readApiTokenFile(tmp.path()); // a folder
        QCOMPARE(t.error, ApiToken::Error::Unreadable);

        if (::geteuid() != 0) { // root reads anything
            const QString locked = tmp.filePath(QStringLiteral("locked"));
            QVERIFY(writeFile(locked, "s3cret\n", 0000));
            t = readApiTokenFile(locked);
            QCOMPARE(t.error, ApiToken::Error::Unreadable);
            QVERIFY(t.errorString.contains(QStringLiteral("Permission denied")));
        }
    }

    void sharedTokenFileIsReportedNotChanged() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("token"));
        QVERIFY(writeFile(path, "s3cret\n", 0644));
        const ApiToken t = readApiTokenFile(path);
        QVERIFY(t.ok());
        QVERIFY(t.warning.contains(QStringLiteral("0644")));
        QCOMPARE(fileMode(path), mode_t(0644));
    }

    void tokenFileTakesPrecedence() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("token"));
        QVERIFY(writeFile(path, "given\n"));
        const QString dataDir = tmp.filePath(QStringLiteral("data"));
        ApiToken t = loadApiToken(path, dataDir);
        QVERIFY(t.ok());
        QCOMPARE(t.token, std::string("given"));
        QVERIFY(!QFile::exists(QDir(dataDir).filePath(QStringLiteral("api-token"))));

        t = loadApiToken(QString(), dataDir);
        QVERIFY(t.ok());
        QVERIFY(t.created);
        QCOMPARE(fileMode(QDir(dataDir).filePath(QStringLiteral("api-token"))), mode_t(0600));
    }
};

QTEST_GUILESS_MAIN(TestApiToken)
#include "tst_api_token.moc"
