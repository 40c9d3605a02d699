/** Hands the resource at `url` (an object or data URL) to the browser as a download named `name`. */
export const downloadUrl = (name: string, url: string): void => {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
};

/** Hands `text` to the browser as a download named `name` (what the user gets is exactly these characters). */
export const saveFile = (name: string, text: string, type = 'application/json'): void => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    downloadUrl(name, url);
    // Some browsers read the URL after the click returns: revoke it a little later.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
};
