// The few things Blazor cannot do from .NET (ADR 0025 part D). Loaded as a module: the policy allows no inline script.

// The composer: Enter sends, Shift+Enter is a new line, and an Enter that belongs to an IME composition (Korean,
// Japanese, Chinese input: event.isComposing, or keyCode 229 in browsers that report the composing key that way)
// only ends the composition. The decision is made here, synchronously, where the key event is.
export function attachComposer(textarea, dotnet) {
    textarea.addEventListener('keydown', event => {
        if (event.key === 'Escape' && !event.isComposing) {
            // Cancels a reply or an edit (an Escape during a composition only cancels the composition).
            dotnet.invokeMethodAsync('CancelFromKeyboard');
            return;
        }
        if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) {
            return;
        }
        event.preventDefault();
        const text = textarea.value;
        if (text.trim().length === 0) {
            return;
        }
        textarea.value = '';
        dotnet.invokeMethodAsync('SendFromKeyboard', text);
    });
}

export function focus(element) {
    if (element) {
        element.focus();
    }
}

export function scrollToEnd(element) {
    if (element) {
        element.scrollTop = element.scrollHeight;
    }
}

export function markReady() {
    document.documentElement.setAttribute('data-ready', 'true');
}

// The composer's box is not bound to .NET (re-rendering its value during a composition could break it): these read
// and write it.
export function takeText(textarea) {
    const text = textarea.value;
    textarea.value = '';
    return text;
}

export function setText(textarea, text) {
    textarea.value = text;
}

// Brings a message into view and gives it the focus (a reply's quote leads to its original).
export function showElement(id) {
    const element = document.getElementById(id);
    if (element) {
        element.scrollIntoView({ block: 'center' });
        element.focus();
    }
}

export function focusById(id) {
    const element = document.getElementById(id);
    if (element) {
        element.focus();
    }
}
