/**
 * The completion scripts `roadmap completion bash|zsh|fish` prints. Each asks
 * `roadmap __complete -- WORDS…` for the candidates (one per line, inert words
 * only) and adds them as data: nothing the command prints is run by the shell.
 * With no candidate, bash and zsh complete file names (for --roadmap, --output,
 * validate and diff).
 */
import type { Shell } from '../formats.js';

const BASH = `# roadmap completion for bash. Load it with: source <(roadmap completion bash)
_roadmap_complete() {
  local line
  COMPREPLY=()
  # Read line by line, not by word splitting: no candidate is split or globbed.
  while IFS= read -r line; do
    COMPREPLY+=("$line")
  done < <(command roadmap __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
}
complete -o default -F _roadmap_complete roadmap
`;

const ZSH = `#compdef roadmap
# roadmap completion for zsh. Load it with: source <(roadmap completion zsh)
# (after compinit), or save it as _roadmap in a directory of $fpath.
_roadmap() {
  local -a candidates
  candidates=("\${(@f)$(command roadmap __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=("\${(@)candidates:#}")
  if (( \${#candidates} )); then
    compadd -- "\${(@)candidates}"
  else
    _files
  fi
}
if [[ "\${funcstack[1]}" == _roadmap ]]; then
  _roadmap "$@"
else
  compdef _roadmap roadmap
fi
`;

const FISH = `# roadmap completion for fish. Load it with: roadmap completion fish | source
# or save it as ~/.config/fish/completions/roadmap.fish
function __roadmap_complete
    set -l words (commandline -opc)
    set -e words[1]
    command roadmap __complete -- $words (commandline -ct) 2>/dev/null
end
complete -c roadmap -f -a '(__roadmap_complete)'
complete -c roadmap -s r -l roadmap -r -F
complete -c roadmap -s o -l output -r -F
`;

export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return BASH;
    case 'zsh':
      return ZSH;
    case 'fish':
      return FISH;
  }
}
