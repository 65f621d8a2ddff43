/* Ties each field's error message to its input (aria-describedby, aria-invalid), so that a screen reader reads the
   message when the input gets the focus; the first input at fault gets the focus. The forms work without it. */
(function () {
    'use strict';
    function tie() {
        var first = null;
        document.querySelectorAll('.field-error[id$="-error"]').forEach(function (error) {
            var input = document.getElementById(error.id.slice(0, -'-error'.length));
            if (!input) { return; }
            var described = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
            if (described.indexOf(error.id) < 0) { described.unshift(error.id); }
            input.setAttribute('aria-describedby', described.join(' '));
            input.setAttribute('aria-invalid', 'true');
            first = first || input;
        });
        if (first) { first.focus(); }
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', tie);
    } else {
        tie();
    }
}());
