import CursesBackend
print("refract (skeleton) — \(CursesPlaceholder.version())")
