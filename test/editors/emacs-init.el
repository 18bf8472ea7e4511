;; Emacs: check inspection reports in text and Markdown buffers with Eglot (Emacs 29, or 28 with elpa-eglot)
(with-eval-after-load 'eglot
  ;; appended, so that a server set for a mode derived from text-mode (LaTeX, Org, reST) keeps its buffers
  (add-to-list 'eglot-server-programs
               '((text-mode markdown-mode gfm-mode) . ("inspection-report-language-server" "--stdio"))
               t))
(defun inspection-report-eglot ()
  "Start Eglot in plain text and Markdown buffers only, not in modes derived from them."
  (when (memq major-mode '(text-mode markdown-mode gfm-mode))
    (eglot-ensure)))
(add-hook 'text-mode-hook #'inspection-report-eglot)
