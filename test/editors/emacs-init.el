;; Emacs: check inspection reports in text and Markdown buffers with Eglot (Emacs 29, or 28 with elpa-eglot)
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((text-mode markdown-mode) . ("inspection-report-language-server" "--stdio"))))
(add-hook 'text-mode-hook #'eglot-ensure)
