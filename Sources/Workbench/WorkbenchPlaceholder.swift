import Providers
import Sessions
import TerminalUI
/// Placeholder for the workbench.
public enum WorkbenchPlaceholder {}
