from django import forms

CODE_HELP = "The 6-digit code your authenticator app shows now."


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        help_text=CODE_HELP,
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app."},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (len(code) == 6 and code.isascii() and code.isdigit()):
            raise forms.ValidationError(
                "Enter the 6 digits your authenticator app shows, for example 123456."
            )
        return code
