/** Hands `text` to the browser as a download named `name` (what the user gets is exactly these characters). */
export const saveFile = (name: string, text: string, type = 'application/json'): void => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Some browsers read the URL after the click returns: revoke it a little later.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
};
