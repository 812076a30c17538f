// The bare page's set-up (a file, not inline: the stub's Content-Security-Policy allows only
// scripts from the same origin). window.bare mirrors window.portal: ready after the first frame.
'use strict';
window.bare = { frames: 0, ready: false };
var Module = { canvas: document.getElementById('canvas') }; // eslint-disable-line no-var, no-unused-vars
