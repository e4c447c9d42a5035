// HNTT Console — browser join page for commune halls.
//
// A clerk opens /join/<secret>, allows camera and microphone and clicks one button; the page
// sends camera + microphone to the console (WebRTC through Janus, one non-trickle offer/answer)
// and plays the program picture with the site's mix-minus sound that comes back.
// Served under a strict CSP: no inline code, no eval, no external URLs, no frameworks.
(() => {
  'use strict';

  // ------------------------------------------------------------------------------------------
  // Strings: one table per language. Vietnamese first; keys are the same in both.
  // ------------------------------------------------------------------------------------------

  const STRINGS = {
    vi: {
      pageTitle: 'Tham gia cuộc họp',
      langSwitch: 'English',
      siteLabel: 'Điểm cầu:',
      loading: 'Đang tải…',
      askPermission: 'Trình duyệt sẽ hỏi quyền dùng camera và micrô: hãy bấm “Cho phép”.',
      camera: 'Camera',
      microphone: 'Micrô',
      deviceN: '{kind} {n}',
      micLevel: 'Mức âm thanh micrô',
      micHint: 'Hãy nói thử: thanh màu xanh sẽ nhảy theo giọng nói.',
      previewStarting: 'Đang mở camera…',
      previewOff: 'Không có hình từ camera',

      linkTitle: 'Đường truyền',
      linkCheck: 'Kiểm tra đường truyền',
      linkChecking: 'Đang kiểm tra…',
      linkNotYet: 'Chưa kiểm tra',
      linkPass: 'Đạt yêu cầu',
      linkWarn: 'Chưa đạt yêu cầu',
      linkDone: 'Đã đo xong',
      linkDown: 'Tải xuống',
      linkUp: 'Tải lên',
      linkBelow: 'dưới {v}',
      linkMeasuringDown: 'Đang đo tốc độ tải xuống…',
      linkMeasuringUp: 'Đang đo tốc độ tải lên…',
      linkRule: 'Yêu cầu tối thiểu {v} Mbit/s mỗi chiều ({type}).',
      linkNoRule: 'Trung tâm chưa đặt yêu cầu đường truyền cho điểm cầu này.',
      linkType_data_network: 'mạng truyền số liệu chuyên dùng',
      linkType_internet: 'Internet',
      linkType_other: 'theo đăng ký của điểm cầu',
      linkSlow: 'Hình và tiếng có thể bị giật hoặc mờ. Bạn vẫn có thể tham gia cuộc họp.',
      linkWired: 'Quy định yêu cầu nối mạng bằng dây cáp, không dùng Wi‑Fi.',
      linkFailed: 'Không đo được đường truyền ({detail}). Bạn vẫn có thể tham gia cuộc họp.',

      join: 'Tham gia cuộc họp',
      joinAgain: 'Tham gia lại',
      tryAgain: 'Thử lại',
      reload: 'Tải lại trang',

      statusJoining: 'Đang kết nối…',
      statusConnected: 'Đã kết nối',
      statusReconnecting: 'Đang kết nối lại… (lần {n})',
      overlayJoining: 'Đang vào cuộc họp…',
      overlayWaitPicture: 'Đã kết nối. Đang chờ hình từ Trung tâm…',
      retryIn: 'Tự thử lại sau {s} giây.',
      retryingNow: 'Đang thử kết nối…',
      lostConnection: 'Mất kết nối với Trung tâm.',
      noAnswer: 'Trung tâm chưa trả lời.',
      endedReason: 'Trung tâm đã ngắt kết nối: {reason}',
      endedNoReason: 'Trung tâm đã ngắt kết nối.',

      micOn: 'Micrô đang bật',
      micOnSub: 'Bấm để tắt micrô',
      micOff: 'Micrô đang tắt',
      micOffSub: 'Bấm để bật micrô',
      camOn: 'Camera đang bật',
      camOnSub: 'Bấm để tắt camera',
      camOff: 'Camera đang tắt',
      camOffSub: 'Bấm để bật camera',
      leave: 'Rời cuộc họp',
      muteBanner: 'Micrô đang tắt — mọi người không nghe thấy điểm cầu',
      selfOff: 'Camera đang tắt',
      enableSound: 'Bật âm thanh',
      enableSoundHint: 'Trình duyệt chưa cho phát âm thanh. Bấm nút trên để nghe cuộc họp.',
      cameraLost: 'Mất hình từ camera — kiểm tra dây cắm camera.',
      micLost: 'Mất tín hiệu micrô — kiểm tra dây cắm micrô.',

      leaveTitle: 'Rời cuộc họp?',
      leaveBody: 'Điểm cầu sẽ không còn được nghe và nhìn thấy trong cuộc họp.',
      leaveStay: 'Ở lại',

      serverSays: 'Trung tâm báo: {msg}',
      errorDetail: 'Chi tiết: {msg}',
      autoRetryIn: 'Trang sẽ tự thử lại sau {s} giây.',
      what_camera: 'camera',
      what_microphone: 'micrô',
      what_both: 'camera và micrô',

      n_insecure_title: 'Trang chưa an toàn để dùng camera',
      n_insecure_body: 'Trình duyệt chỉ cho dùng camera và micrô trên trang an toàn. Hãy mở đúng đường link Trung tâm đã gửi (bắt đầu bằng https://).',
      n_unsupported_title: 'Trình duyệt này không dùng được',
      n_unsupported_body: 'Trình duyệt này không hỗ trợ họp trực tuyến. Hãy mở đường link bằng Google Chrome hoặc Chromium bản mới.',
      n_link_invalid_title: 'Đường link này không còn dùng được',
      n_link_invalid_body: 'Đường link sai hoặc đã được thay bằng đường link mới. Hãy liên hệ Trung tâm HNTT của tỉnh để nhận đường link mới.',
      n_unavailable_title: 'Trung tâm chưa sẵn sàng',
      n_unavailable_body: 'Trung tâm chưa mở kết nối cho điểm cầu dùng trình duyệt. Không cần làm gì: trang sẽ tự thử lại.',
      n_unreachable_title: 'Không liên lạc được với Trung tâm',
      n_unreachable_body: 'Hãy kiểm tra dây mạng hoặc kết nối Internet của máy tính. Trang sẽ tự thử lại.',
      n_media_denied_title: 'Trình duyệt đang chặn camera và micrô',
      n_media_denied_body: 'Cần cho phép trang này dùng camera và micrô:',
      n_media_denied_steps: [
        'Bấm vào biểu tượng camera có dấu ✕ màu đỏ ở cuối thanh địa chỉ (phía trên, bên phải).',
        'Chọn “Luôn cho phép…” rồi bấm “Xong”. (Hoặc bấm biểu tượng ở đầu thanh địa chỉ, bật “Máy ảnh” và “Micrô”.)',
        'Bấm nút “Thử lại” dưới đây. Nếu vẫn không được, bấm “Tải lại trang”.',
      ],
      n_media_busy_title: 'Camera đang bị chương trình khác dùng',
      n_media_busy_body: 'Một chương trình khác đang giữ camera hoặc micrô, nên trang này không mở được.',
      n_media_busy_steps: [
        'Đóng Zalo, Microsoft Teams, Zoom, Skype và các cửa sổ họp trực tuyến khác (kể cả các tab khác của trình duyệt).',
        'Bấm nút “Thử lại”.',
        'Nếu vẫn không được: rút dây camera ra, cắm lại, chờ vài giây rồi bấm “Thử lại”.',
      ],
      n_media_notfound_title: 'Không tìm thấy {what}',
      n_media_notfound_body: 'Máy tính chưa nhận được {what}.',
      n_media_notfound_steps: [
        'Kiểm tra dây cắm camera và micrô (cổng USB) vào máy tính.',
        'Cắm lại, chờ vài giây rồi bấm “Thử lại”.',
      ],
      n_media_other_title: 'Không mở được camera và micrô',
      n_media_other_body: 'Trình duyệt báo lỗi khi mở camera và micrô. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại máy tính.',
      n_conflict_title: 'Điểm cầu đang ở trong cuộc họp bằng thiết bị khác',
      n_conflict_body: 'Trung tâm báo điểm cầu này đang tham gia bằng cách khác (ví dụ thiết bị hội nghị của phòng họp). Nếu cần dùng máy tính này, hãy báo Trung tâm rồi bấm “Thử lại”.',
      n_bad_offer_title: 'Không thiết lập được cuộc gọi',
      n_bad_offer_body: 'Trung tâm không nhận yêu cầu kết nối của trình duyệt này. Hãy bấm “Thử lại”; nếu vẫn lỗi, hãy báo Trung tâm.',
      n_replaced_title: 'Đường link đang được dùng ở máy khác',
      n_replaced_body: 'Một máy khác vừa tham gia cuộc họp bằng đúng đường link này, nên máy này đã dừng. Nếu máy này mới đúng là máy của điểm cầu, bấm “Tham gia lại”.',
      n_left_title: 'Bạn đã rời cuộc họp',
      n_left_body: 'Camera và micrô đã tắt. Bấm “Tham gia lại” để vào lại cuộc họp.',
    },

    en: {
      pageTitle: 'Join the meeting',
      langSwitch: 'Tiếng Việt',
      siteLabel: 'Site:',
      loading: 'Loading…',
      askPermission: 'The browser will ask to use the camera and microphone: click “Allow”.',
      camera: 'Camera',
      microphone: 'Microphone',
      deviceN: '{kind} {n}',
      micLevel: 'Microphone level',
      micHint: 'Say a few words: the green bar should move with your voice.',
      previewStarting: 'Opening the camera…',
      previewOff: 'No picture from the camera',

      linkTitle: 'Network link',
      linkCheck: 'Check the network link',
      linkChecking: 'Checking…',
      linkNotYet: 'Not checked yet',
      linkPass: 'Meets the rule',
      linkWarn: 'Below the rule',
      linkDone: 'Measured',
      linkDown: 'Download',
      linkUp: 'Upload',
      linkBelow: 'under {v}',
      linkMeasuringDown: 'Measuring download speed…',
      linkMeasuringUp: 'Measuring upload speed…',
      linkRule: 'The rule asks for at least {v} Mbit/s each way ({type}).',
      linkNoRule: 'The control centre has set no link rule for this site.',
      linkType_data_network: 'government data network',
      linkType_internet: 'Internet',
      linkType_other: 'as registered for this site',
      linkSlow: 'Picture and sound may stutter or blur. You can still join the meeting.',
      linkWired: 'The rule asks for a wired connection, not Wi‑Fi.',
      linkFailed: 'Could not measure the link ({detail}). You can still join the meeting.',

      join: 'Join the meeting',
      joinAgain: 'Join again',
      tryAgain: 'Try again',
      reload: 'Reload the page',

      statusJoining: 'Connecting…',
      statusConnected: 'Connected',
      statusReconnecting: 'Reconnecting… (attempt {n})',
      overlayJoining: 'Joining the meeting…',
      overlayWaitPicture: 'Connected. Waiting for the picture from the control centre…',
      retryIn: 'Trying again in {s} s.',
      retryingNow: 'Trying to connect…',
      lostConnection: 'The connection to the control centre was lost.',
      noAnswer: 'The control centre did not answer.',
      endedReason: 'The control centre ended the connection: {reason}',
      endedNoReason: 'The control centre ended the connection.',

      micOn: 'Microphone on',
      micOnSub: 'Click to mute',
      micOff: 'Microphone off',
      micOffSub: 'Click to unmute',
      camOn: 'Camera on',
      camOnSub: 'Click to turn off',
      camOff: 'Camera off',
      camOffSub: 'Click to turn on',
      leave: 'Leave the meeting',
      muteBanner: 'Microphone is off — nobody can hear this site',
      selfOff: 'Camera is off',
      enableSound: 'Turn on sound',
      enableSoundHint: 'The browser did not allow sound yet. Click the button to hear the meeting.',
      cameraLost: 'The camera picture was lost — check the camera cable.',
      micLost: 'The microphone was lost — check the microphone cable.',

      leaveTitle: 'Leave the meeting?',
      leaveBody: 'This site will no longer be seen or heard in the meeting.',
      leaveStay: 'Stay',

      serverSays: 'The control centre says: {msg}',
      errorDetail: 'Details: {msg}',
      autoRetryIn: 'The page will try again in {s} s.',
      what_camera: 'camera',
      what_microphone: 'microphone',
      what_both: 'camera and microphone',

      n_insecure_title: 'This page is not secure enough for the camera',
      n_insecure_body: 'The browser only allows the camera and microphone on a secure page. Open the exact link the control centre sent (it starts with https://).',
      n_unsupported_title: 'This browser cannot be used',
      n_unsupported_body: 'This browser does not support video meetings. Open the link in a recent Google Chrome or Chromium.',
      n_link_invalid_title: 'This link is no longer valid',
      n_link_invalid_body: 'The link is wrong or has been replaced by a new one. Ask the province\'s control centre for the new link.',
      n_unavailable_title: 'The control centre is not ready',
      n_unavailable_body: 'The control centre has not opened connections for browser sites yet. Nothing to do: the page will try again by itself.',
      n_unreachable_title: 'Cannot reach the control centre',
      n_unreachable_body: 'Check the network cable or the Internet connection of this computer. The page will try again by itself.',
      n_media_denied_title: 'The browser is blocking the camera and microphone',
      n_media_denied_body: 'Allow this page to use the camera and microphone:',
      n_media_denied_steps: [
        'Click the camera icon with a red ✕ at the right end of the address bar (top right).',
        'Choose “Always allow…” and click “Done”. (Or click the icon at the left of the address bar and switch on “Camera” and “Microphone”.)',
        'Click “Try again” below. If that does not help, click “Reload the page”.',
      ],
      n_media_busy_title: 'Another program is using the camera',
      n_media_busy_body: 'Another program holds the camera or microphone, so this page cannot open it.',
      n_media_busy_steps: [
        'Close Zalo, Microsoft Teams, Zoom, Skype and any other meeting window (other browser tabs too).',
        'Click “Try again”.',
        'Still not working: unplug the camera, plug it back in, wait a few seconds and click “Try again”.',
      ],
      n_media_notfound_title: 'No {what} found',
      n_media_notfound_body: 'The computer does not see a {what}.',
      n_media_notfound_steps: [
        'Check that the camera and microphone are plugged into the computer (USB).',
        'Plug them in again, wait a few seconds and click “Try again”.',
      ],
      n_media_other_title: 'Could not open the camera and microphone',
      n_media_other_body: 'The browser reported an error opening the camera and microphone. Try again; if it persists, restart the computer.',
      n_conflict_title: 'This site is already in the meeting another way',
      n_conflict_body: 'The control centre says this site is already connected another way (for example the meeting room system). If this computer should be used, tell the control centre and click “Try again”.',
      n_bad_offer_title: 'Could not set up the call',
      n_bad_offer_body: 'The control centre did not accept this browser\'s connection request. Click “Try again”; if it keeps failing, tell the control centre.',
      n_replaced_title: 'This link is in use on another computer',
      n_replaced_body: 'Another computer has just joined the meeting with this same link, so this one stopped. If this computer is the right one for the site, click “Join again”.',
      n_left_title: 'You left the meeting',
      n_left_body: 'The camera and microphone are off. Click “Join again” to go back into the meeting.',
    },
  };

  // ------------------------------------------------------------------------------------------
  // Constants
  // ------------------------------------------------------------------------------------------

  const STORE_LANG = 'hnttJoin.lang';
  const STORE_CAM = 'hnttJoin.camera';
  const STORE_MIC = 'hnttJoin.microphone';

  const ICE_GATHER_MS = 3000;       // non-trickle: send what we have after this
  const POLL_MS = 2000;             // status poll while joined
  const DROP_GRACE_MS = 3000;       // "disconnected" this long means the call dropped
  const CONNECT_TIMEOUT_MS = 20000; // answered but ICE/DTLS never came up
  const BACKOFF_MAX_MS = 15000;
  const INFO_RETRY_S = 10;          // console unreachable / not ready: retry the page's info

  const PROBE_DOWN_BYTES = 4 * 1024 * 1024;
  const PROBE_UP_BYTES = 2 * 1024 * 1024;
  const PROBE_TIMEOUT_MS = 20000;   // per direction; a slow link still gets a number

  // The site's link rule in Mbit/s per direction; 'other' uses the site's own figure.
  const RULE_MBPS = { data_network: 10, internet: 20 };

  // ------------------------------------------------------------------------------------------
  // Small helpers
  // ------------------------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function storeGet(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function storeSet(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  function randomHex(bytes) {
    const buf = crypto.getRandomValues(new Uint8Array(bytes));
    return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // The link's secret is the last path segment of /join/SECRET.
  const pathParts = location.pathname.split('/').filter(Boolean);
  const SECRET = pathParts.length >= 2 ? pathParts[pathParts.length - 1] : '';
  const BASE = '/join/' + encodeURIComponent(decodeURIComponentSafe(SECRET));
  const PEER = randomHex(16); // one per page load: the console tells our reconnects apart from another browser
  const PARAMS = new URLSearchParams(location.search);
  const AUTOJOIN = PARAMS.get('autojoin') === '1';

  function decodeURIComponentSafe(s) {
    try { return decodeURIComponent(s); } catch (e) { return s; }
  }

  // ------------------------------------------------------------------------------------------
  // Language
  // ------------------------------------------------------------------------------------------

  let lang = pickLang();

  function pickLang() {
    const fromUrl = PARAMS.get('lang');
    if (fromUrl === 'vi' || fromUrl === 'en') {
      storeSet(STORE_LANG, fromUrl);
      return fromUrl;
    }
    const saved = storeGet(STORE_LANG);
    return saved === 'en' ? 'en' : 'vi'; // Vietnamese unless the clerk chose English
  }

  function t(key, vars) {
    let s = STRINGS[lang][key];
    if (s === undefined) s = STRINGS.vi[key];
    if (s === undefined) return key;
    if (Array.isArray(s)) return s.map((line) => fill(line, vars));
    return fill(s, vars);
  }

  function fill(s, vars) {
    if (!vars) return s;
    return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  }

  // Vietnamese writes 12,5 where English writes 12.5.
  function formatNumber(v) {
    const digits = v < 100 && !Number.isInteger(v) ? 1 : 0;
    return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(v);
  }

  function formatMbps(v) {
    return formatNumber(v) + ' Mbit/s';
  }

  function setLang(next) {
    lang = next;
    storeSet(STORE_LANG, next);
    renderAll();
  }

  // ------------------------------------------------------------------------------------------
  // Page state (everything the screens are drawn from)
  // ------------------------------------------------------------------------------------------

  let state = 'idle';     // idle | joining | connected | reconnecting | replaced | error | left
  let errorCode = null;   // last error code (see notices), null when none
  let lastMessage = null; // last message text from the console, as it sent it
  let attempts = 0;       // reconnection attempts in the current outage (0 when connected)
  let reconnects = 0;     // times the connection came back after a drop
  let screen = 'loading';
  let info = null;        // GET /info answer
  let notice = null;      // { key, tone, detail, vars, primary, secondary, countdownTo }
  let linkResult = null;  // last link check, see runLinkCheck()
  let linkPhase = null;   // null | 'down' | 'up' while running

  let localStream = null;
  let micOn = true;
  let camOn = true;
  let deviceWarning = null; // string key shown over the call when a device vanished

  let pc = null;
  let gen = 0;              // bumped on every new attempt/stop: stale callbacks check it and go quiet
  let sessionOpen = false;  // an offer reached the console and was not left since
  let pollTimer = null;
  let dropTimer = null;
  let connectTimer = null;
  let retryTimer = null;
  let retryAt = 0;
  let tickTimer = null;
  let overlayDetail = '';
  let hasPicture = false;
  let soundBlocked = false;
  let wakeLock = null;
  let linkAbort = null;
  let infoRetryWake = null;
  let mediaOpening = false;

  function setState(next) {
    state = next;
    document.documentElement.dataset.state = next; // handy for tests and for CSS
    renderCall();
  }

  // ------------------------------------------------------------------------------------------
  // Talking to the console
  // ------------------------------------------------------------------------------------------

  // Every call answers { ok, status, data, code, message }; a network failure is status 0.
  async function api(method, path, opts = {}) {
    const url = BASE + '/' + path + (opts.query ? '?' + new URLSearchParams(opts.query) : '');
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), opts.timeout || 10000);
    const headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const res = await fetch(url, {
        method,
        headers,
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        cache: 'no-store',
        credentials: 'same-origin',
        signal: ctrl.signal,
      });
      let data = null;
      try { data = await res.json(); } catch (e) { /* empty or not JSON */ }
      const err = data && data.error ? data.error : null;
      return {
        ok: res.ok,
        status: res.status,
        data,
        code: err && err.code ? String(err.code) : null,
        message: err && err.message ? String(err.message) : null,
      };
    } catch (e) {
      return { ok: false, status: 0, data: null, code: null, message: null };
    } finally {
      clearTimeout(timer);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Screens
  // ------------------------------------------------------------------------------------------

  function showLoading(key) {
    $('loading-text').dataset.i18n = key;
    $('loading-text').textContent = t(key);
    showScreen('loading');
  }

  function showScreen(name) {
    screen = name;
    $('screen-loading').hidden = name !== 'loading';
    $('screen-prejoin').hidden = name !== 'prejoin';
    $('screen-notice').hidden = name !== 'notice';
    $('page').hidden = name === 'call';
    $('screen-call').hidden = name !== 'call';
    document.body.dataset.screen = name;
  }

  function renderAll() {
    document.documentElement.lang = lang;
    $('lang-switch').textContent = t('langSwitch');
    $('lang-switch').lang = lang === 'vi' ? 'en' : 'vi';
    document.querySelectorAll('[data-i18n]').forEach((el) => {
      el.textContent = t(el.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-aria]').forEach((el) => {
      el.setAttribute('aria-label', t(el.dataset.i18nAria));
    });
    renderHeader();
    renderDeviceLists();
    renderPreviewNote();
    renderLink();
    renderNotice();
    renderCall();
  }

  function renderHeader() {
    const site = info && info.site && info.site.name ? String(info.site.name) : '';
    $('site-name').textContent = site;
    $('call-site-name').textContent = site;
    $('console-name').textContent = info && info.console ? String(info.console) : '';
    document.querySelector('.site-title').hidden = !site;
    // The console may say up front that it cannot take browsers now; joining still retries.
    const problem = info && typeof info.problem === 'string' ? info.problem.trim() : '';
    $('console-problem').hidden = !problem;
    $('console-problem').textContent = problem ? t('serverSays', { msg: problem }) : '';
    document.title = site ? t('siteLabel') + ' ' + site : t('pageTitle');
  }

  // ---- notices: errors and the two calm stops (replaced, left) ----

  function showNotice(n) {
    notice = n;
    stopTick();
    if (n.countdownTo) startTick();
    renderNotice();
    showScreen('notice');
  }

  function renderNotice() {
    if (!notice) return;
    const k = 'n_' + notice.key;
    const vars = notice.vars || {};
    $('notice-box').dataset.tone = notice.tone || 'error';
    $('notice-title').textContent = t(k + '_title', vars);
    $('notice-body').textContent = t(k + '_body', vars);

    const steps = $('notice-steps');
    steps.textContent = '';
    const lines = STRINGS[lang][k + '_steps'] ? t(k + '_steps', vars) : [];
    lines.forEach((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      steps.appendChild(li);
    });

    const detail = $('notice-detail');
    detail.hidden = !notice.detail;
    detail.textContent = notice.detail || '';

    const cd = $('notice-countdown');
    if (notice.countdownTo) {
      const s = Math.max(0, Math.ceil((notice.countdownTo - Date.now()) / 1000));
      cd.textContent = t('autoRetryIn', { s });
      cd.hidden = false;
    } else {
      cd.hidden = true;
    }

    setAction($('notice-primary'), notice.primary);
    setAction($('notice-secondary'), notice.secondary);
  }

  const ACTIONS = {
    retryInfo: { label: 'tryAgain', run: () => infoRetryWake && infoRetryWake() },
    retryMedia: { label: 'tryAgain', run: () => startAfterInfo() },
    retryJoin: { label: 'tryAgain', run: () => join() },
    joinAgain: { label: 'joinAgain', run: () => join() },
    reload: { label: 'reload', run: () => location.reload() },
  };

  function setAction(button, name) {
    button.hidden = !name;
    button.dataset.action = name || '';
    if (name) button.textContent = t(ACTIONS[name].label);
  }

  function onNoticeButton(e) {
    const name = e.currentTarget.dataset.action;
    if (name && ACTIONS[name]) ACTIONS[name].run();
  }

  // A clock for countdowns on the notice and on the reconnect overlay.
  function startTick() {
    if (tickTimer) return;
    tickTimer = setInterval(() => {
      if (screen === 'notice') renderNotice();
      if (screen === 'call') renderCall();
    }, 500);
  }
  function stopTick() {
    clearInterval(tickTimer);
    tickTimer = null;
  }

  // A stop that needs the clerk (or the control centre): no automatic retry.
  function fail(code, opts = {}) {
    errorCode = code;
    if (opts.message) lastMessage = opts.message;
    stopCall();
    if (code === 'link_invalid') stopMedia(); // nothing more this page can do: free the camera
    setState('error');
    showNotice({
      key: code,
      tone: opts.tone || 'error',
      vars: opts.vars,
      detail: opts.message ? t('serverSays', { msg: opts.message }) : opts.detail || null,
      primary: opts.primary || null,
      secondary: opts.secondary || null,
    });
  }

  // ------------------------------------------------------------------------------------------
  // Start-up: info, then camera and microphone, then the pre-join screen
  // ------------------------------------------------------------------------------------------

  async function boot() {
    document.documentElement.dataset.state = state;
    wireEvents();
    renderAll();
    showScreen('loading');

    if (!SECRET) {
      fail('link_invalid');
      return;
    }
    if (!(await loadInfo())) return;
    await startAfterInfo();
  }

  // Fetches /info until it answers: 403 stops for good, 503 and network errors retry calmly.
  async function loadInfo() {
    for (;;) {
      const res = await api('GET', 'info');
      if (res.ok && res.data && res.data.site) {
        info = res.data;
        renderHeader();
        renderLink();
        return true;
      }
      if (res.status === 403 || res.status === 404) {
        fail('link_invalid', { message: res.message, secondary: 'reload' });
        return false;
      }
      const key = res.status === 0 ? 'unreachable' : 'unavailable';
      errorCode = key;
      lastMessage = res.message;
      setState('error');
      const wait = new Promise((resolve) => { infoRetryWake = resolve; });
      showNotice({
        key,
        tone: 'warn',
        detail: res.message ? t('serverSays', { msg: res.message })
          : res.status > 0 ? t('errorDetail', { msg: 'HTTP ' + res.status }) : null,
        primary: 'retryInfo',
        countdownTo: Date.now() + INFO_RETRY_S * 1000,
      });
      await Promise.race([wait, sleep(INFO_RETRY_S * 1000)]);
      infoRetryWake = null;
      stopTick();
      showLoading('loading');
    }
  }

  async function startAfterInfo() {
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      fail('insecure');
      return;
    }
    if (!window.RTCPeerConnection) {
      fail('unsupported');
      return;
    }
    if (mediaOpening) return; // the Try again button and a permission change can race
    mediaOpening = true;
    showLoading('askPermission');
    const ok = await openMedia();
    mediaOpening = false;
    if (!ok) return;
    errorCode = null;
    setState('idle');
    showPrejoin();
    if (AUTOJOIN) {
      join();
    } else if (!linkResult) {
      runLinkCheck(); // once by itself; the button runs it again
    }
  }

  function showPrejoin() {
    notice = null;
    stopTick();
    renderAll();
    showScreen('prejoin');
  }

  // ------------------------------------------------------------------------------------------
  // Camera and microphone
  // ------------------------------------------------------------------------------------------

  function videoConstraints(deviceId) {
    const c = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30, max: 30 } };
    if (deviceId) c.deviceId = { exact: deviceId };
    return c;
  }

  function audioConstraints(deviceId) {
    // The hall plays the meeting through loudspeakers: echo cancellation must stay on.
    const c = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
    if (deviceId) c.deviceId = { exact: deviceId };
    return c;
  }

  // Opens both devices (the remembered ones if still there). Shows the right notice on failure.
  async function openMedia() {
    let stream = null;
    const cam = storeGet(STORE_CAM);
    const mic = storeGet(STORE_MIC);
    try {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: videoConstraints(cam), audio: audioConstraints(mic),
        });
      } catch (e) {
        // A remembered device that was unplugged: fall back to the defaults.
        if (!(cam || mic) || !['OverconstrainedError', 'NotFoundError'].includes(e.name)) throw e;
        stream = await navigator.mediaDevices.getUserMedia({
          video: videoConstraints(null), audio: audioConstraints(null),
        });
      }
    } catch (e) {
      await showMediaError(e);
      return false;
    }
    setLocalStream(stream);
    await refreshDevices();
    return true;
  }

  function setLocalStream(stream) {
    stopMedia();
    localStream = stream;
    stream.getTracks().forEach(watchTrack);
    applyTrackSwitches();
    $('self-preview').srcObject = stream;
    $('self-call').srcObject = stream;
    meterAttach(stream.getAudioTracks()[0] || null);
    deviceWarning = null;
    renderPreviewNote();
  }

  function stopMedia() {
    if (localStream) localStream.getTracks().forEach((tr) => { tr.onended = null; tr.stop(); });
    localStream = null;
    meterAttach(null);
    $('self-preview').srcObject = null;
    $('self-call').srcObject = null;
  }

  function mediaUsable() {
    return !!localStream && localStream.getTracks().length >= 2
      && localStream.getTracks().every((tr) => tr.readyState === 'live');
  }

  async function showMediaError(e) {
    const name = e && e.name ? e.name : 'Error';
    let key = 'media_other';
    if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError') key = 'media_denied';
    else if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') key = 'media_busy';
    else if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') key = 'media_notfound';

    let vars;
    if (key === 'media_notfound') {
      // Say which one is missing: the clerk then knows which cable to look at.
      let cams = 0;
      let mics = 0;
      try {
        const list = await navigator.mediaDevices.enumerateDevices();
        cams = list.filter((d) => d.kind === 'videoinput').length;
        mics = list.filter((d) => d.kind === 'audioinput').length;
      } catch (err) { /* keep both */ }
      const what = cams && !mics ? 'microphone' : mics && !cams ? 'camera' : 'both';
      vars = { what: t('what_' + what) };
    }
    fail(key, {
      vars,
      detail: key === 'media_other' ? t('errorDetail', { msg: name + (e.message ? ': ' + e.message : '') }) : null,
      primary: 'retryMedia',
      secondary: key === 'media_denied' || key === 'media_other' ? 'reload' : null,
    });
    if (key === 'media_denied') watchPermission();
  }

  // Once the clerk allows the camera in Chrome's bubble, carry on without another click.
  async function watchPermission() {
    if (!navigator.permissions || !navigator.permissions.query) return;
    try {
      const cam = await navigator.permissions.query({ name: 'camera' });
      const mic = await navigator.permissions.query({ name: 'microphone' });
      const check = () => {
        if (state === 'error' && errorCode === 'media_denied'
            && cam.state !== 'denied' && mic.state !== 'denied') {
          cam.onchange = null;
          mic.onchange = null;
          startAfterInfo();
        }
      };
      cam.onchange = check;
      mic.onchange = check;
    } catch (e) { /* permission names not supported: the Try again button still works */ }
  }

  // A device that disappears mid-meeting (cable pulled, driver reset): reopen it when possible.
  function watchTrack(track) {
    track.onended = () => {
      if (!localStream || !localStream.getTracks().includes(track)) return;
      deviceWarning = track.kind === 'video' ? 'cameraLost' : 'micLost';
      renderCall();
      renderPreviewNote();
      reopenKind(track.kind, null, 5);
    };
  }

  // Replaces the camera or microphone track: in the preview, the meter and the call alike.
  async function reopenKind(kind, deviceId, tries) {
    for (let i = 0; i < tries; i++) {
      const old = localStream ? localStream.getTracks().find((tr) => tr.kind === kind) : null;
      // Some USB cameras cannot be opened twice: release the old one first.
      if (old) old.stop();
      try {
        const s = await navigator.mediaDevices.getUserMedia(kind === 'video'
          ? { video: videoConstraints(deviceId) } : { audio: audioConstraints(deviceId) });
        const track = s.getTracks()[0];
        if (!localStream) { track.stop(); return false; }
        if (old) localStream.removeTrack(old);
        localStream.addTrack(track);
        watchTrack(track);
        applyTrackSwitches();
        if (pc) {
          // The receiver's track always exists and has the m-line's kind, even when sending nothing.
          const tr = pc.getTransceivers().find((x) => x.receiver.track && x.receiver.track.kind === kind);
          if (tr) await tr.sender.replaceTrack(track).catch(() => {});
        }
        if (kind === 'audio') meterAttach(track);
        // Re-assigning srcObject makes both self-views pick up the new track at once.
        $('self-preview').srcObject = localStream;
        $('self-call').srcObject = localStream;
        deviceWarning = null;
        renderCall();
        renderPreviewNote();
        await refreshDevices();
        return true;
      } catch (e) {
        if (deviceId) deviceId = null; // the chosen device failed: try the default one
        await sleep(1500);
      }
    }
    await refreshDevices();
    return false;
  }

  function applyTrackSwitches() {
    if (!localStream) return;
    localStream.getAudioTracks().forEach((tr) => { tr.enabled = micOn; });
    localStream.getVideoTracks().forEach((tr) => { tr.enabled = camOn; });
  }

  // Device lists: labels are only known after permission, so they are filled after getUserMedia.
  let devices = [];

  async function refreshDevices() {
    try {
      devices = await navigator.mediaDevices.enumerateDevices();
    } catch (e) {
      devices = [];
    }
    renderDeviceLists();
  }

  function currentDeviceId(kind) {
    const tr = localStream ? localStream.getTracks().find((x) => x.kind === kind) : null;
    if (!tr || tr.readyState !== 'live') return null;
    const s = tr.getSettings ? tr.getSettings() : {};
    return s.deviceId || null;
  }

  function renderDeviceLists() {
    fillSelect($('camera-select'), 'videoinput', currentDeviceId('video'), 'camera');
    fillSelect($('mic-select'), 'audioinput', currentDeviceId('audio'), 'microphone');
  }

  function fillSelect(select, kind, selected, labelKey) {
    const list = devices.filter((d) => d.kind === kind && d.deviceId);
    select.textContent = '';
    list.forEach((d, i) => {
      const opt = document.createElement('option');
      opt.value = d.deviceId;
      // USB ids such as "(046d:0825)" mean nothing to a clerk.
      const label = (d.label || '').replace(/\s*\([0-9a-f]{4}:[0-9a-f]{4}\)\s*$/i, '');
      opt.textContent = label || t('deviceN', { kind: t(labelKey), n: i + 1 });
      if (d.deviceId === selected) opt.selected = true;
      select.appendChild(opt);
    });
    select.disabled = false;
  }

  async function onDeviceChosen(kind, select) {
    const id = select.value;
    storeSet(kind === 'video' ? STORE_CAM : STORE_MIC, id);
    select.disabled = true;
    await reopenKind(kind, id, 2); // the second try falls back to the default device
    renderDeviceLists();
  }

  function renderPreviewNote() {
    const note = $('preview-note');
    const hasVideo = localStream && localStream.getVideoTracks().some((tr) => tr.readyState === 'live');
    if (!localStream) {
      note.textContent = t('previewStarting');
      note.hidden = false;
    } else if (!hasVideo) {
      note.textContent = deviceWarning ? t(deviceWarning) : t('previewOff');
      note.hidden = false;
    } else {
      note.hidden = true;
    }
  }

  // ---- microphone level meter (WebAudio) ----

  const meter = { ctx: null, analyser: null, source: null, data: null, level: 0, raf: 0 };

  function meterAttach(track) {
    if (meter.source) {
      meter.source.disconnect();
      meter.source = null;
    }
    if (!track) return;
    const AC = window.AudioContext || window.webkitAudioContext;
    if (!AC) return;
    if (!meter.ctx) {
      meter.ctx = new AC();
      meter.analyser = meter.ctx.createAnalyser();
      meter.analyser.fftSize = 1024;
      meter.data = new Float32Array(meter.analyser.fftSize);
    }
    // The analyser is a dead end on purpose: the clerk must not hear the own microphone.
    meter.source = meter.ctx.createMediaStreamSource(new MediaStream([track]));
    meter.source.connect(meter.analyser);
    if (meter.ctx.state === 'suspended') meter.ctx.resume().catch(() => {});
    if (!meter.raf) meter.raf = requestAnimationFrame(meterFrame);
  }

  function meterFrame() {
    meter.raf = requestAnimationFrame(meterFrame);
    let level = 0;
    if (meter.source && meter.analyser) {
      meter.analyser.getFloatTimeDomainData(meter.data);
      let sum = 0;
      for (let i = 0; i < meter.data.length; i++) sum += meter.data[i] * meter.data[i];
      const rms = Math.sqrt(sum / meter.data.length);
      const db = 20 * Math.log10(rms + 1e-9);
      level = Math.min(1, Math.max(0, (db + 60) / 54)); // -60 dBFS .. -6 dBFS fills the bar
    }
    // Rise at once, fall slowly: easier to read for a speaking voice.
    meter.level = level > meter.level ? level : meter.level * 0.9 + level * 0.1;
    // Clip rather than scale: green/amber/red stay at fixed loudness positions.
    const clip = 'inset(0 ' + ((1 - meter.level) * 100).toFixed(1) + '% 0 0)';
    $('meter-pre').style.clipPath = clip;
    $('meter-call').style.clipPath = clip;
  }

  // Autoplay rules may start the AudioContext suspended: any click of the clerk wakes it.
  function resumeAudio() {
    if (meter.ctx && meter.ctx.state === 'suspended') meter.ctx.resume().catch(() => {});
    if (soundBlocked) enableSound();
  }

  // ------------------------------------------------------------------------------------------
  // Link check: download and upload speed against the site's rule. Never blocks joining.
  // ------------------------------------------------------------------------------------------

  function linkRule() {
    const link = info && info.link;
    if (!link || !link.type) return null;
    if (RULE_MBPS[link.type]) return { mbps: RULE_MBPS[link.type], type: link.type };
    if (link.type === 'other' && Number(link.kbps) > 0) return { mbps: Number(link.kbps) / 1000, type: 'other' };
    return null;
  }

  function onWifi() {
    const conn = navigator.connection;
    return (conn && conn.type === 'wifi') || !!(info && info.link && info.link.wired === false);
  }

  async function runLinkCheck() {
    if (linkPhase || state !== 'idle') return;
    const ctrl = new AbortController();
    linkAbort = ctrl;
    linkPhase = 'down';
    renderLink();
    let down = null;
    let up = null;
    let failure = null;
    try {
      down = await measureDownload(ctrl.signal);
      if (ctrl.signal.aborted) throw new DOMException('aborted', 'AbortError');
      linkPhase = 'up';
      renderLink();
      up = await measureUpload(ctrl.signal);
    } catch (e) {
      failure = e && e.message ? e.message : String(e);
    }
    linkPhase = null;
    linkAbort = null;
    if (ctrl.signal.aborted) {
      renderLink(); // the clerk joined meanwhile: keep the last full result, if any
      return;
    }
    const rule = linkRule();
    const downOk = meetsRule(down, rule);
    const upOk = meetsRule(up, rule);
    const wifi = onWifi();
    const pass = !failure && downOk !== false && upOk !== false && !wifi;
    linkResult = {
      verdict: pass ? 'pass' : 'warn',
      downloadMbps: down ? round1(down.mbps) : null,
      uploadMbps: up ? round1(up.mbps) : null,
      downloadBelow: !!(down && down.below),
      uploadBelow: !!(up && up.below),
      downloadOk: downOk,
      uploadOk: upOk,
      ruleMbps: rule ? rule.mbps : null,
      ruleType: rule ? rule.type : null,
      wifi,
      failure,
    };
    renderLink();
  }

  function round1(v) { return Math.round(v * 10) / 10; }

  // true/false against the rule; null when there is no rule, no number, or only a bound that says nothing.
  function meetsRule(m, rule) {
    if (!m || !rule) return null;
    if (m.below) return m.mbps <= rule.mbps ? false : null; // an upload that did not finish in time
    return m.mbps >= rule.mbps;
  }

  // Times a GET of PROBE_DOWN_BYTES; on a slow link the bytes read before the timeout still count.
  async function measureDownload(outer) {
    const ctrl = new AbortController();
    let timedOut = false;
    const onOuter = () => ctrl.abort();
    outer.addEventListener('abort', onOuter);
    const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, PROBE_TIMEOUT_MS);
    const t0 = performance.now();
    let got = 0;
    try {
      const res = await fetch(BASE + '/probe?bytes=' + PROBE_DOWN_BYTES, {
        cache: 'no-store', signal: ctrl.signal, headers: { 'Accept-Language': lang },
      });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        got += value.byteLength;
      }
    } catch (e) {
      if (!(timedOut && got > 0)) throw timedOut ? new Error('timeout') : e;
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', onOuter);
    }
    const secs = Math.max(0.001, (performance.now() - t0) / 1000);
    return { mbps: (got * 8) / secs / 1e6, below: false };
  }

  // Times a POST of PROBE_UP_BYTES of random data (nothing on the way can compress it).
  async function measureUpload(outer) {
    const body = new Uint8Array(PROBE_UP_BYTES);
    for (let off = 0; off < body.length; off += 65536) {
      crypto.getRandomValues(body.subarray(off, Math.min(body.length, off + 65536)));
    }
    const ctrl = new AbortController();
    let timedOut = false;
    const onOuter = () => ctrl.abort();
    outer.addEventListener('abort', onOuter);
    const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, PROBE_TIMEOUT_MS);
    const t0 = performance.now();
    try {
      const res = await fetch(BASE + '/probe', {
        method: 'POST',
        body,
        cache: 'no-store',
        signal: ctrl.signal,
        headers: { 'Content-Type': 'application/octet-stream', 'Accept-Language': lang },
      });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      let bytes = PROBE_UP_BYTES;
      try {
        const data = await res.json();
        if (data && Number(data.bytes) > 0) bytes = Number(data.bytes);
      } catch (e) { /* trust our own count */ }
      const secs = Math.max(0.001, (performance.now() - t0) / 1000);
      return { mbps: (bytes * 8) / secs / 1e6, below: false };
    } catch (e) {
      // Not finished in time: all we know is that it is slower than this.
      if (timedOut) return { mbps: (PROBE_UP_BYTES * 8) / (PROBE_TIMEOUT_MS / 1000) / 1e6, below: true };
      throw e;
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', onOuter);
    }
  }

  function cancelLinkCheck() {
    if (linkAbort) linkAbort.abort();
  }

  function renderLink() {
    const card = $('link-card');
    const verdict = $('link-verdict');
    const notes = $('link-notes');
    const button = $('link-check');
    const rule = linkRule();
    notes.textContent = '';
    const note = (text, warn) => {
      const li = document.createElement('li');
      li.textContent = text;
      if (warn) li.className = 'warn';
      notes.appendChild(li);
    };
    const setNum = (box, value, mbps, below, ok) => {
      $(value).textContent = mbps == null ? '–'
        : below ? t('linkBelow', { v: formatMbps(mbps) }) : formatMbps(mbps);
      $(box).dataset.ok = ok == null ? '' : String(ok);
    };

    button.disabled = !!linkPhase || state !== 'idle';
    button.textContent = linkPhase ? t('linkChecking') : t('linkCheck');

    if (linkPhase) {
      card.dataset.result = 'running';
      verdict.textContent = t(linkPhase === 'down' ? 'linkMeasuringDown' : 'linkMeasuringUp');
      if (!linkResult) {
        setNum('link-down-box', 'link-down', null);
        setNum('link-up-box', 'link-up', null);
      }
      if (rule) note(t('linkRule', { v: formatNumber(rule.mbps), type: t('linkType_' + rule.type) }));
      return;
    }
    if (!linkResult) {
      card.dataset.result = 'none';
      verdict.textContent = t('linkNotYet');
      setNum('link-down-box', 'link-down', null);
      setNum('link-up-box', 'link-up', null);
      if (rule) note(t('linkRule', { v: formatNumber(rule.mbps), type: t('linkType_' + rule.type) }));
      if (onWifi()) note(t('linkWired'), true);
      return;
    }

    const r = linkResult;
    card.dataset.result = r.verdict;
    const okDown = r.downloadOk;
    const okUp = r.uploadOk;
    setNum('link-down-box', 'link-down', r.downloadMbps, r.downloadBelow, okDown);
    setNum('link-up-box', 'link-up', r.uploadMbps, r.uploadBelow, okUp);
    if (r.failure) {
      verdict.textContent = t('linkWarn');
      note(t('linkFailed', { detail: r.failure }), true);
    } else if (r.ruleMbps == null) {
      verdict.textContent = r.wifi ? t('linkWarn') : t('linkDone');
      note(t('linkNoRule'));
    } else {
      verdict.textContent = r.verdict === 'pass' ? '✓ ' + t('linkPass') : t('linkWarn');
      note(t('linkRule', { v: formatNumber(r.ruleMbps), type: t('linkType_' + r.ruleType) }));
      if (okDown === false || okUp === false) note(t('linkSlow'), true);
    }
    if (r.wifi) note(t('linkWired'), true);
  }

  // ------------------------------------------------------------------------------------------
  // The meeting: one RTCPeerConnection per attempt, non-trickle offer, back-off on drops
  // ------------------------------------------------------------------------------------------

  async function join() {
    if (state === 'joining' || state === 'connected' || state === 'reconnecting') return;
    if (!info) return; // the link itself is not known to work
    cancelLinkCheck();
    if (!mediaUsable()) {
      showLoading('askPermission');
      if (!(await openMedia())) return;
    }
    errorCode = null;
    lastMessage = null;
    attempts = 0;
    notice = null;
    hasPicture = false;
    soundBlocked = false;
    overlayDetail = '';
    stopTick();
    showScreen('call');
    setState('joining');
    requestWakeLock();
    await attempt();
  }

  // One try: new peer connection, full offer with all candidates, POST, apply the answer.
  async function attempt() {
    const my = ++gen;
    clearCallTimers();
    closePc();
    renderCall();
    let conn;
    try {
      conn = createPc(my);
      pc = conn;
      await conn.setLocalDescription(await conn.createOffer());
      await iceGatheringDone(conn, ICE_GATHER_MS);
      if (my !== gen) return;

      const res = await api('POST', 'offer', {
        body: { peer: PEER, sdp: conn.localDescription.sdp },
        timeout: 20000,
      });
      if (my !== gen) return;
      if (!res.ok) {
        offerFailed(res);
        return;
      }
      sessionOpen = true;
      if (!res.data || typeof res.data.sdp !== 'string') {
        scheduleReconnect(t('noAnswer'));
        return;
      }
      await conn.setRemoteDescription({ type: 'answer', sdp: res.data.sdp });
      if (my !== gen) return;
      startPolling(my);
      connectTimer = setTimeout(() => {
        if (my === gen && conn.connectionState !== 'connected') scheduleReconnect(t('lostConnection'));
      }, CONNECT_TIMEOUT_MS);
    } catch (e) {
      if (my !== gen) return;
      // The console's answer did not fit our offer: retrying blindly would loop for ever.
      if (e && (e.name === 'InvalidAccessError' || e.name === 'OperationError' || e.name === 'InvalidStateError')
          && sessionOpen) {
        sendLeave();
        fail('bad_offer', { detail: t('errorDetail', { msg: e.name + ': ' + e.message }), primary: 'retryJoin' });
        return;
      }
      console.warn('hnttJoin: attempt failed', e);
      scheduleReconnect(t('lostConnection'));
    }
  }

  function offerFailed(res) {
    lastMessage = res.message;
    if (res.status === 403 || res.status === 404) {
      fail('link_invalid', { message: res.message, secondary: 'reload' });
    } else if (res.status === 409) {
      fail('conflict', { message: res.message, tone: 'warn', primary: 'retryJoin' });
    } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      fail('bad_offer', {
        message: res.message,
        detail: res.message ? null : t('errorDetail', { msg: 'HTTP ' + res.status }),
        primary: 'retryJoin',
      });
    } else {
      // 503 (not ready / WebRTC server restarting), other 5xx, network: try again shortly.
      scheduleReconnect(res.message || (res.status === 0 ? t('lostConnection') : t('noAnswer')));
    }
  }

  function createPc(my) {
    const conn = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    const audio = localStream.getAudioTracks()[0] || null;
    const video = localStream.getVideoTracks()[0] || null;
    // Audio first, then video: one transceiver each, both sending and receiving.
    const at = audio ? conn.addTransceiver(audio, { direction: 'sendrecv', streams: [localStream] })
      : conn.addTransceiver('audio', { direction: 'sendrecv' });
    const vt = video ? conn.addTransceiver(video, { direction: 'sendrecv', streams: [localStream] })
      : conn.addTransceiver('video', { direction: 'sendrecv' });
    preferCodecs(at, 'audio');
    preferCodecs(vt, 'video');

    const remote = new MediaStream();
    conn.ontrack = (ev) => {
      if (my !== gen) return;
      remote.addTrack(ev.track);
      ev.track.onunmute = () => { if (my === gen) checkPicture(); };
      const screenVideo = $('remote-video');
      if (screenVideo.srcObject !== remote) screenVideo.srcObject = remote;
      playRemote();
    };
    conn.onconnectionstatechange = () => {
      if (my !== gen) return;
      const s = conn.connectionState;
      if (s === 'connected') {
        clearTimeout(dropTimer);
        dropTimer = null;
        clearTimeout(connectTimer);
        connectTimer = null;
        if (state !== 'connected') {
          if (attempts > 0) reconnects++;
          attempts = 0;
          overlayDetail = '';
          setState('connected');
        }
      } else if (s === 'failed' || s === 'closed') {
        scheduleReconnect(t('lostConnection')); // terminal: no point waiting
      } else if (s === 'disconnected') {
        if (!dropTimer) {
          dropTimer = setTimeout(() => {
            dropTimer = null;
            if (my === gen && conn.connectionState !== 'connected') scheduleReconnect(t('lostConnection'));
          }, DROP_GRACE_MS);
        }
      }
    };
    return conn;
  }

  // H.264 constrained baseline (42e01f, packetization-mode=1) first, VP8 next; Opus for audio.
  function preferCodecs(transceiver, kind) {
    if (!transceiver || typeof transceiver.setCodecPreferences !== 'function') return;
    if (!window.RTCRtpReceiver || !RTCRtpReceiver.getCapabilities) return;
    const caps = RTCRtpReceiver.getCapabilities(kind);
    if (!caps || !caps.codecs || !caps.codecs.length) return;
    // Only put H.264 first if this browser can also send it (some Linux builds only decode it).
    const sendCaps = window.RTCRtpSender && RTCRtpSender.getCapabilities ? RTCRtpSender.getCapabilities(kind) : null;
    const canSend = (c) => !sendCaps || sendCaps.codecs.some((s) => s.mimeType.toLowerCase() === c.mimeType.toLowerCase()
      && (s.sdpFmtpLine || '') === (c.sdpFmtpLine || ''));
    const rank = (c) => {
      const mime = c.mimeType.toLowerCase();
      const fmtp = (c.sdpFmtpLine || '').toLowerCase();
      if (kind === 'audio') return mime === 'audio/opus' ? 0 : 1;
      if (mime === 'video/h264' && fmtp.includes('profile-level-id=42e01f')
          && fmtp.includes('packetization-mode=1')) return canSend(c) ? 0 : 2;
      if (mime === 'video/vp8') return 1;
      if (/\/(rtx|red|ulpfec|flexfec-03)$/.test(mime)) return 4; // helpers stay, after the codecs
      return 3;
    };
    const sorted = caps.codecs
      .map((c, i) => ({ c, i, r: rank(c) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.c);
    try {
      transceiver.setCodecPreferences(sorted);
    } catch (e) {
      console.warn('hnttJoin: setCodecPreferences', e);
    }
  }

  function iceGatheringDone(conn, ms) {
    if (conn.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        conn.removeEventListener('icegatheringstatechange', onChange);
        resolve();
      };
      const onChange = () => { if (conn.iceGatheringState === 'complete') done(); };
      const timer = setTimeout(done, ms);
      conn.addEventListener('icegatheringstatechange', onChange);
    });
  }

  // Back-off 1, 2, 4, 8, 15, 15 … seconds; the camera stays open meanwhile.
  function scheduleReconnect(detail) {
    gen++;
    clearCallTimers();
    closePc();
    attempts++;
    const delay = Math.min(BACKOFF_MAX_MS, 1000 * 2 ** Math.min(attempts - 1, 4));
    retryAt = Date.now() + delay;
    overlayDetail = detail || '';
    hasPicture = false;
    setState('reconnecting');
    startTick();
    retryTimer = setTimeout(() => {
      retryTimer = null;
      retryAt = 0;
      stopTick();
      attempt();
    }, delay);
  }

  function startPolling(my) {
    let busy = false;
    pollTimer = setInterval(async () => {
      if (busy) return;
      busy = true;
      const res = await api('GET', 'status', { query: { peer: PEER }, timeout: 5000 });
      busy = false;
      if (my !== gen) return;
      if (res.status === 403) {
        fail('link_invalid', { message: res.message, secondary: 'reload' });
        return;
      }
      if (!res.ok || !res.data) return; // a missed poll is no verdict; the peer connection is
      const reason = res.data.reason ? String(res.data.reason) : '';
      if (res.data.state === 'replaced') {
        stopReplaced(reason);
      } else if (res.data.state === 'ended') {
        lastMessage = reason || null;
        sessionOpen = false;
        scheduleReconnect(reason ? t('endedReason', { reason }) : t('endedNoReason'));
      }
    }, POLL_MS);
  }

  // Another browser took the link over: stop for good, free the camera, wait for the clerk.
  function stopReplaced(reason) {
    sessionOpen = false; // the console already moved on to the other browser
    stopCall();
    stopMedia();
    errorCode = 'replaced';
    lastMessage = reason || null;
    setState('replaced');
    showNotice({
      key: 'replaced',
      tone: 'warn',
      detail: reason ? t('serverSays', { msg: reason }) : null,
      primary: 'joinAgain',
    });
  }

  async function leave() {
    const wasOpen = sessionOpen;
    // The console hears of it before the connection closes (at most 1.5 s), so it logs a leave,
    // not a dropped connection.
    if (wasOpen) {
      await Promise.race([api('POST', 'leave', { body: { peer: PEER } }).catch(() => null),
                          new Promise((resolve) => setTimeout(resolve, 1500))]);
    }
    stopCall();
    stopMedia();
    errorCode = null;
    setState('left');
    showNotice({ key: 'left', tone: 'info', primary: 'joinAgain' });
  }

  function sendLeave() {
    if (!sessionOpen) return;
    sessionOpen = false;
    api('POST', 'leave', { body: { peer: PEER } });
  }

  // Ends whatever call is running (no message to the console: callers decide that).
  function stopCall() {
    gen++;
    clearCallTimers();
    closePc();
    stopTick();
    releaseWakeLock();
    soundBlocked = false;
    hasPicture = false;
    const video = $('remote-video');
    video.srcObject = null;
  }

  function clearCallTimers() {
    clearInterval(pollTimer);
    pollTimer = null;
    clearTimeout(dropTimer);
    dropTimer = null;
    clearTimeout(connectTimer);
    connectTimer = null;
    clearTimeout(retryTimer);
    retryTimer = null;
  }

  function closePc() {
    if (!pc) return;
    const old = pc;
    pc = null;
    old.ontrack = null;
    old.onconnectionstatechange = null;
    try { old.close(); } catch (e) { /* already closed */ }
  }

  // ---- return picture and sound ----

  async function playRemote() {
    const video = $('remote-video');
    video.muted = false;
    try {
      await video.play();
      soundBlocked = false;
    } catch (e) {
      if (e && e.name === 'NotAllowedError') {
        // No sound without a click (kiosk start, autojoin): show the picture muted and ask.
        soundBlocked = true;
        video.muted = true;
        video.play().catch(() => {});
      }
    }
    renderCall();
  }

  function enableSound() {
    const video = $('remote-video');
    video.muted = false;
    video.play().then(() => {
      soundBlocked = false;
      renderCall();
    }).catch(() => {});
  }

  function checkPicture() {
    const video = $('remote-video');
    const has = video.videoWidth > 0;
    if (has !== hasPicture) {
      hasPicture = has;
      renderCall();
    }
  }

  function renderCall() {
    if (!document.body) return;
    const pill = $('call-status');
    const text = $('call-status-text');
    const overlay = $('call-overlay');
    const title = $('call-overlay-title');
    const detail = $('call-overlay-detail');

    if (state === 'connected') {
      pill.dataset.tone = 'ok';
      text.textContent = t('statusConnected');
      overlay.hidden = hasPicture;
      title.textContent = t('overlayWaitPicture');
      detail.textContent = '';
    } else if (state === 'reconnecting') {
      pill.dataset.tone = 'bad';
      text.textContent = t('statusReconnecting', { n: attempts });
      overlay.hidden = false;
      title.textContent = t('statusReconnecting', { n: attempts });
      const s = retryAt ? Math.max(0, Math.ceil((retryAt - Date.now()) / 1000)) : 0;
      const parts = [];
      if (overlayDetail) parts.push(overlayDetail);
      parts.push(retryAt ? t('retryIn', { s }) : t('retryingNow'));
      detail.textContent = parts.join('\n');
    } else {
      pill.dataset.tone = 'busy';
      text.textContent = t('statusJoining');
      overlay.hidden = false;
      title.textContent = t('overlayJoining');
      detail.textContent = '';
    }
    $('unmute-box').hidden = !(soundBlocked && state === 'connected');

    const micBtn = $('mic-btn');
    micBtn.dataset.on = String(micOn);
    micBtn.setAttribute('aria-pressed', String(!micOn));
    $('mic-label').textContent = t(micOn ? 'micOn' : 'micOff');
    $('mic-sub').textContent = t(micOn ? 'micOnSub' : 'micOffSub');
    $('mute-banner').hidden = micOn;

    const camBtn = $('cam-btn');
    camBtn.dataset.on = String(camOn);
    camBtn.setAttribute('aria-pressed', String(!camOn));
    $('cam-label').textContent = t(camOn ? 'camOn' : 'camOff');
    $('cam-sub').textContent = t(camOn ? 'camOnSub' : 'camOffSub');
    $('self-off').hidden = camOn;

    const warn = $('device-warning');
    warn.hidden = !deviceWarning;
    warn.textContent = deviceWarning ? t(deviceWarning) : '';

    // The link check button follows the state too (no measuring during a call).
    const linkButton = $('link-check');
    if (linkButton) linkButton.disabled = !!linkPhase || state !== 'idle';
  }

  function toggleMic() {
    micOn = !micOn;
    applyTrackSwitches(); // track.enabled=false sends silence; the device stays open
    renderCall();
  }

  function toggleCam() {
    camOn = !camOn;
    applyTrackSwitches(); // black frames go out; the connection is untouched
    renderCall();
  }

  // ---- keep the screen awake during a meeting (kiosk PCs otherwise dim and sleep) ----

  async function requestWakeLock() {
    if (!navigator.wakeLock || wakeLock) return;
    try {
      wakeLock = await navigator.wakeLock.request('screen');
      wakeLock.addEventListener('release', () => { wakeLock = null; });
    } catch (e) { /* not allowed here: not important */ }
  }

  function releaseWakeLock() {
    if (wakeLock) wakeLock.release().catch(() => {});
    wakeLock = null;
  }

  // ------------------------------------------------------------------------------------------
  // Statistics for automated tests
  // ------------------------------------------------------------------------------------------

  async function stats() {
    const out = {
      inboundVideoFramesDecoded: 0,
      inboundAudioLevel: 0,
      inboundAudioEnergy: 0,
      outboundVideoFramesEncoded: 0,
      videoCodec: null,
    };
    const conn = pc;
    if (!conn || conn.connectionState === 'closed') return out;
    let report;
    try {
      report = await conn.getStats();
    } catch (e) {
      return out;
    }
    const codecs = new Map();
    let outCodec = null;
    let inCodec = null;
    report.forEach((s) => {
      if (s.type === 'codec') {
        codecs.set(s.id, s);
      } else if (s.type === 'inbound-rtp' && s.kind === 'video') {
        out.inboundVideoFramesDecoded += s.framesDecoded || 0;
        inCodec = s.codecId || inCodec;
      } else if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        out.inboundAudioLevel = Math.max(out.inboundAudioLevel, s.audioLevel || 0);
        out.inboundAudioEnergy += s.totalAudioEnergy || 0;
      } else if (s.type === 'outbound-rtp' && s.kind === 'video') {
        out.outboundVideoFramesEncoded += s.framesEncoded || 0;
        outCodec = s.codecId || outCodec;
      }
    });
    const codec = codecs.get(outCodec) || codecs.get(inCodec);
    if (codec && codec.mimeType) out.videoCodec = codec.mimeType.replace(/^video\//i, '');
    return out;
  }

  const testApi = Object.freeze({
    get state() { return state; },
    get error() { return errorCode; },
    get peer() { return PEER; },
    get attempts() { return attempts; },
    get reconnects() { return reconnects; },
    get message() { return lastMessage; },
    get lang() { return lang; },
    get linkCheck() { return linkResult ? Object.assign({}, linkResult) : null; },
    stats,
    join: () => join(),
    leave: () => leave(),
  });
  Object.defineProperty(window, 'hnttJoin', { value: testApi, writable: false, configurable: false, enumerable: true });

  // ------------------------------------------------------------------------------------------
  // Events
  // ------------------------------------------------------------------------------------------

  function wireEvents() {
    $('lang-switch').addEventListener('click', () => setLang(lang === 'vi' ? 'en' : 'vi'));
    $('join-btn').addEventListener('click', () => join());
    $('link-check').addEventListener('click', () => runLinkCheck());
    $('camera-select').addEventListener('change', (e) => onDeviceChosen('video', e.currentTarget));
    $('mic-select').addEventListener('change', (e) => onDeviceChosen('audio', e.currentTarget));
    $('notice-primary').addEventListener('click', onNoticeButton);
    $('notice-secondary').addEventListener('click', onNoticeButton);
    $('mic-btn').addEventListener('click', toggleMic);
    $('cam-btn').addEventListener('click', toggleCam);
    $('unmute-audio').addEventListener('click', enableSound);

    const dialog = $('leave-dialog');
    $('leave-btn').addEventListener('click', () => {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else leave();
    });
    $('leave-cancel').addEventListener('click', () => dialog.close());
    $('leave-ok').addEventListener('click', () => {
      dialog.close();
      leave();
    });

    const video = $('remote-video');
    video.addEventListener('resize', checkPicture);
    video.addEventListener('loadeddata', checkPicture);
    video.addEventListener('playing', checkPicture);

    document.addEventListener('pointerdown', resumeAudio, true);
    document.addEventListener('keydown', resumeAudio, true);

    if (navigator.mediaDevices && 'ondevicechange' in navigator.mediaDevices) {
      navigator.mediaDevices.addEventListener('devicechange', () => {
        if (!localStream) return;
        refreshDevices();
        // A camera plugged back in after it was lost: take it at once.
        localStream.getTracks().filter((tr) => tr.readyState === 'ended')
          .forEach((tr) => reopenKind(tr.kind, null, 1));
      });
    }

    document.addEventListener('visibilitychange', () => {
      // Chrome drops the wake lock when the tab is hidden; take it again on return.
      if (document.visibilityState === 'visible' && (state === 'connected' || state === 'reconnecting')) {
        requestWakeLock();
      }
    });

    // Closing the tab or navigating away: tell the console at once, not after an ICE timeout.
    window.addEventListener('pagehide', () => {
      if (sessionOpen && navigator.sendBeacon) {
        const blob = new Blob([JSON.stringify({ peer: PEER })], { type: 'application/json' });
        navigator.sendBeacon(BASE + '/leave', blob);
        sessionOpen = false;
      }
    });
    window.addEventListener('pageshow', (e) => {
      if (e.persisted) location.reload(); // back from the cache: start clean
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
})();
