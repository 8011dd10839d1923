// Everything the app shows lives on the device, so pages render in the browser only.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
